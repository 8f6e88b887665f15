package org.hiptrack;

import org.hiptrack.internal.hip_exercise;
import org.hiptrack.internal.hip_sim_config;

/** What the motion simulator makes ({@code hip_sim_config}); the defaults are the library's. */
public final class SimulatorConfig {
    /** The seed: the same seed gives the same samples. */
    public long seed;
    /** The exercise whose motion profile and dose drive the simulation. */
    public Exercise exercise;
    /** True (default): the sensor sits on the exercise's tracked segment. */
    public boolean placementFromExercise;
    /** The sensor's segment when {@link #placementFromExercise} is false. */
    public Segment placement;
    /** Sets, 1..20, default 1. */
    public int sets;
    /** Reps per set, 1..200, default 10. */
    public int repsPerSet;
    /** Sample rate, 10..200 Hz, default 50. */
    public double rateHz;
    /** Timestamp jitter as a fraction of the period, 0..0.5. */
    public double rateJitter;
    /** Still time before the first set, seconds, default 2. */
    public double leadInS;
    /** Rest between sets, seconds, default 20. */
    public double restS;
    /** Relative s.d. of rep duration, 0..0.5, default 0.1. */
    public double tempoVariation;
    /** Relative s.d. of rep excursion, 0..0.5, default 0.05. */
    public double excursionVariation;
    /** Chance of a 1-4 s pause after a rep, 0..1, default 0.1. */
    public double pauseProbability;
    /** Share of reps made partial, 0..1. */
    public double partialFraction;
    /** Share of reps made fast, 0..1. */
    public double fastFraction;
    /** Amount of small movement between sets, 0..1, default 0.3. */
    public double fidget;
    /** Accelerometer white noise s.d., m/s^2, default 0.05. */
    public double accelNoise;
    /** Gyroscope white noise s.d., rad/s, default 0.01. */
    public double gyroNoise;
    /** Accelerometer bias magnitude, m/s^2, default 0.05. */
    public double accelBias;
    /** Gyroscope bias magnitude, rad/s, default 0.005. */
    public double gyroBias;
    /** True (default): a random sensor orientation on the segment. */
    public boolean randomMounting;

    /**
     * The library's defaults for an exercise ({@code hip_sim_config_init}).
     *
     * @param exercise a catalog exercise (copied)
     */
    public SimulatorConfig(Exercise exercise) {
        try (hip_sim_config c = new hip_sim_config()) {
            seed = c.getSeed();
            placementFromExercise = c.getPlacement_from_exercise() != 0;
            placement = Segment.fromValue(c.getPlacement());
            sets = (int) c.getSets();
            repsPerSet = (int) c.getReps_per_set();
            rateHz = c.getRate_hz();
            rateJitter = c.getRate_jitter();
            leadInS = c.getLead_in_s();
            restS = c.getRest_s();
            tempoVariation = c.getTempo_variation();
            excursionVariation = c.getExcursion_variation();
            pauseProbability = c.getPause_probability();
            partialFraction = c.getPartial_fraction();
            fastFraction = c.getFast_fraction();
            fidget = c.getFidget();
            accelNoise = c.getAccel_noise();
            gyroNoise = c.getGyro_noise();
            accelBias = c.getAccel_bias();
            gyroBias = c.getGyro_bias();
            randomMounting = c.getRandom_mounting() != 0;
        }
        this.exercise = Values.nonNull(exercise, "exercise");
    }

    /** A new C configuration; the caller closes it. */
    hip_sim_config toNative() {
        hip_sim_config c = new hip_sim_config();
        try (hip_exercise e = Values.nonNull(exercise, "exercise").toNative()) {
            c.setSeed(seed);
            c.setExercise(e);
            c.setPlacement_from_exercise(placementFromExercise ? 1 : 0);
            c.setPlacement(Values.nonNull(placement, "placement").value());
            c.setSets(Values.u32(sets));
            c.setReps_per_set(Values.u32(repsPerSet));
            c.setRate_hz(rateHz);
            c.setRate_jitter(rateJitter);
            c.setLead_in_s(leadInS);
            c.setRest_s(restS);
            c.setTempo_variation(tempoVariation);
            c.setExcursion_variation(excursionVariation);
            c.setPause_probability(pauseProbability);
            c.setPartial_fraction(partialFraction);
            c.setFast_fraction(fastFraction);
            c.setFidget(fidget);
            c.setAccel_noise(accelNoise);
            c.setGyro_noise(gyroNoise);
            c.setAccel_bias(accelBias);
            c.setGyro_bias(gyroBias);
            c.setRandom_mounting(randomMounting ? 1 : 0);
            return c;
        } catch (RuntimeException ex) {
            c.close();
            throw ex;
        }
    }
}
