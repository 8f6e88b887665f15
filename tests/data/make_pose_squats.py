#!/usr/bin/env python3
# Generates tests/data/pose_squats_coco17.csv: 3 squats seen from the side by a 1280x720 camera,
# COCO-17 keypoints in pixels (y down) with confidences, 15 frames/s.
import math
fps=15; reps=3; rest=1.5; rep=2.5
names=["nose","left_eye","right_eye","left_ear","right_ear","left_shoulder","right_shoulder","left_elbow","right_elbow","left_wrist","right_wrist","left_hip","right_hip","left_knee","right_knee","left_ankle","right_ankle"]
cols=["t"]+[n+"_"+a for n in names for a in ("x","y","c")]
n=int((rest+reps*(rep+rest))*fps)
out=[",".join(cols)]
def P(x,y): return (640+400*x, 700-400*y)  # metres -> pixels, facing +x
for k in range(n):
    t=k/fps; u=t-rest; d=0.0
    if u>0 and u<reps*(rep+rest) and (u%(rep+rest))<rep: d=0.5-0.5*math.cos(2*math.pi*(u%(rep+rest))/rep)
    hip=math.radians(95*d); knee=math.radians(105*d); lean=math.radians(10+25*d)
    # a planar chain from the planted ankle: the shank tilts forwards by knee - hip
    ax,ay=0.0,0.08
    shank=knee-hip  # shank angle from vertical (forward lean)
    kx,ky=ax+0.42*math.sin(shank),ay+0.42*math.cos(shank)
    # the hip is behind and above the knee: the thigh points forwards-down at (hip - lean)
    a=hip-lean
    hx,hy=kx-0.45*math.sin(a),ky+0.45*math.cos(a)
    sx,sy=hx+0.5*math.sin(lean),hy+0.5*math.cos(lean)
    nx,ny=sx+0.2*math.sin(lean)+0.05,sy+0.2*math.cos(lean)
    ex,ey=sx+0.05,sy-0.28; wx,wy=ex+0.25,ey
    pts={"nose":(nx,ny),"shoulder":(sx,sy),"elbow":(ex,ey),"wrist":(wx,wy),"hip":(hx,hy),"knee":(kx,ky),"ankle":(ax,ay)}
    row=["%.4f"%t]
    for nm in names:
        base=nm.split("_")[-1]
        if base in ("eye","ear"): x,y=pts["nose"]; x-=0.04
        else: x,y=pts[base]
        # the far leg sits 1 cm behind; confidences lower for it
        far=nm.startswith("right")
        px,py=P(x-(0.01 if far else 0),y)
        c=0.62 if far else 0.91
        if base in ("eye","ear") and far: c=0.2
        row+=["%.1f"%px,"%.1f"%py,"%.2f"%c]
    out.append(",".join(row))
open("tests/data/pose_squats_coco17.csv","w").write("\n".join(out)+"\n")
