package org.hiptrack;

import org.hiptrack.internal.hip_fhir_bundle_type;

/** The kind of FHIR Bundle an export writes ({@code hip_fhir_bundle_type}). */
public enum FhirBundleType {
    /** {@code HIP_FHIR_BUNDLE_COLLECTION}: Default: a set of resources, no server semantics. */
    COLLECTION(hip_fhir_bundle_type.HIP_FHIR_BUNDLE_COLLECTION),
    /** {@code HIP_FHIR_BUNDLE_TRANSACTION}: Each entry gets request {method PUT, url Type/id}: re-sending the same export updates rather than duplicates. */
    TRANSACTION(hip_fhir_bundle_type.HIP_FHIR_BUNDLE_TRANSACTION);

    private final int value;

    FhirBundleType(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_fhir_bundle_type} number
     */
    public int value() {
        return value;
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_fhir_bundle_type} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static FhirBundleType fromValue(int value) {
        for (FhirBundleType e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no FhirBundleType with value " + value);
    }
}
