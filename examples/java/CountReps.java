// Counts the reps in a recording CSV (t,ax,ay,az,gx,gy,gz; s, m/s^2, rad/s) with the streaming
// detector, pushing the file in blocks of 32 samples as a phone app pushes sensor batches.
//   java -Djava.library.path=DIR -cp hiptrack.jar:count_reps.jar CountReps [FILE.csv] [EXERCISE]
// Without a file it simulates ten bridges first and exits 1 if the count is wrong.
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;
import org.hiptrack.Catalog;
import org.hiptrack.Exercise;
import org.hiptrack.HipException;
import org.hiptrack.RepDetector;
import org.hiptrack.RepEvent;
import org.hiptrack.RepFlag;
import org.hiptrack.Simulator;
import org.hiptrack.SimulatorConfig;

public final class CountReps {
    private static final int BLOCK = 32;

    public static void main(String[] args) throws IOException {
        String exerciseId = args.length > 1 ? args[1] : "bridge";
        Exercise exercise;
        try (Catalog catalog = new Catalog()) {
            exercise = catalog.find(exerciseId);
        }
        if (exercise == null) {
            System.err.println("unknown exercise '" + exerciseId + "'");
            System.exit(1);
        }

        long[] t;
        float[] samples;
        int truth = -1;
        if (args.length > 0) {
            int n = 0;
            t = new long[1024];
            samples = new float[1024 * 6];
            try (BufferedReader in = Files.newBufferedReader(Paths.get(args[0]), StandardCharsets.UTF_8)) {
                in.readLine();   // header
                for (String line; (line = in.readLine()) != null;) {
                    String[] f = line.split(",");
                    if (f.length < 7) continue;
                    if (n == t.length) {
                        t = Arrays.copyOf(t, n * 2);
                        samples = Arrays.copyOf(samples, n * 12);
                    }
                    t[n] = Math.round(Double.parseDouble(f[0]) * 1e9);
                    for (int k = 0; k < 6; k++) samples[n * 6 + k] = Float.parseFloat(f[k + 1]);
                    n++;
                }
            }
            t = Arrays.copyOf(t, n);
            samples = Arrays.copyOf(samples, n * 6);
        } else {
            SimulatorConfig config = new SimulatorConfig(exercise);
            config.seed = 1;
            try (Simulator sim = new Simulator(config)) {
                Simulator.Recording rec = sim.readAll();
                t = rec.tNs;
                samples = rec.samples;
                truth = sim.reps().size();
            }
        }

        int reps = 0;
        try (RepDetector detector = new RepDetector(exercise)) {
            for (int done = 0; done < t.length; done += BLOCK) {
                int n = Math.min(BLOCK, t.length - done);
                detector.push(Arrays.copyOfRange(t, done, done + n),
                        Arrays.copyOfRange(samples, done * 6, (done + n) * 6));
                for (RepEvent rep : detector.events()) {
                    print(rep);
                    reps++;
                }
            }
            detector.finish();
            for (RepEvent rep : detector.events()) {
                print(rep);
                reps++;
            }
        } catch (HipException e) {
            System.err.println(e.code().cName() + ": " + e.getMessage());
            System.exit(1);
        }
        System.out.println(reps + " reps of " + exercise.id);
        if (truth >= 0 && reps != truth) {
            System.err.println("expected " + truth);
            System.exit(1);
        }
    }

    private static void print(RepEvent rep) {
        System.out.println(String.format(Locale.ROOT, "rep %2d  %6.2f-%6.2f s  %5.1f deg%s%s", rep.index,
                rep.startNs * 1e-9, rep.endNs * 1e-9, rep.excursionDeg,
                rep.has(RepFlag.PARTIAL) ? "  partial" : "", rep.has(RepFlag.TOO_FAST) ? "  too fast" : ""));
    }
}
