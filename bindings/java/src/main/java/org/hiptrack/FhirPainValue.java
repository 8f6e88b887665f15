package org.hiptrack;

import org.hiptrack.internal.hip_fhir_pain_value;

/** How a FHIR pain Observation carries the 0-10 value ({@code hip_fhir_pain_value}). */
public enum FhirPainValue {
    /** {@code HIP_FHIR_PAIN_VALUE_INTEGER}: ValueInteger (default). */
    INTEGER(hip_fhir_pain_value.HIP_FHIR_PAIN_VALUE_INTEGER),
    /** {@code HIP_FHIR_PAIN_VALUE_QUANTITY}: ValueQuantity, UCUM unit "1" (French ANS profile). */
    QUANTITY(hip_fhir_pain_value.HIP_FHIR_PAIN_VALUE_QUANTITY),
    /** {@code HIP_FHIR_PAIN_VALUE_ANSWER}: ValueCodeableConcept with the LOINC answer code (LA6111-4 .. LA13942-0) and the number as text. */
    ANSWER(hip_fhir_pain_value.HIP_FHIR_PAIN_VALUE_ANSWER);

    private final int value;

    FhirPainValue(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_fhir_pain_value} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_fhir_pain_value} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static FhirPainValue fromValue(int value) {
        for (FhirPainValue e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no FhirPainValue with value " + value);
    }
}
