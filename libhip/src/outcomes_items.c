/* The outcome instruments as static data: item ids, ranges, scales and libhip's own short topic
 * labels (never the official wording, CLINICAL.md §2.0), and the raw -> score tables. */
#include "outcomes_internal.h"

#include <string.h>

#define HOOS_ITEM(id, scale, topic) {id, 0, 4, HIP_OUTCOME_SCALE_##scale, topic}

/* HOOS LK 2.0, 40 items scored 0-4 (0 = no problem), ids and order as CLINICAL.md §2.1
 * [S: HOOS scoring instructions 2013; item list S* cross-checked]. */
static const hip__item_def hoos_items[40] = {
    HOOS_ITEM("S1", HOOS_SYMPTOMS, "grinding, clicking or other noise"),
    HOOS_ITEM("S2", HOOS_SYMPTOMS, "difficulty spreading legs wide apart"),
    HOOS_ITEM("S3", HOOS_SYMPTOMS, "difficulty striding out when walking"),
    HOOS_ITEM("S4", HOOS_SYMPTOMS, "stiffness after first waking"),
    HOOS_ITEM("S5", HOOS_SYMPTOMS, "stiffness after sitting, lying or resting"),
    HOOS_ITEM("P1", HOOS_PAIN, "how often the hip is painful"),
    HOOS_ITEM("P2", HOOS_PAIN, "pain straightening the hip fully"),
    HOOS_ITEM("P3", HOOS_PAIN, "pain bending the hip fully"),
    HOOS_ITEM("P4", HOOS_PAIN, "pain walking on a flat surface"),
    HOOS_ITEM("P5", HOOS_PAIN, "pain going up or down stairs"),
    HOOS_ITEM("P6", HOOS_PAIN, "pain at night in bed"),
    HOOS_ITEM("P7", HOOS_PAIN, "pain sitting or lying"),
    HOOS_ITEM("P8", HOOS_PAIN, "pain standing upright"),
    HOOS_ITEM("P9", HOOS_PAIN, "pain walking on a hard surface"),
    HOOS_ITEM("P10", HOOS_PAIN, "pain walking on an uneven surface"),
    HOOS_ITEM("A1", HOOS_ADL, "descending stairs"),
    HOOS_ITEM("A2", HOOS_ADL, "ascending stairs"),
    HOOS_ITEM("A3", HOOS_ADL, "rising from sitting"),
    HOOS_ITEM("A4", HOOS_ADL, "standing"),
    HOOS_ITEM("A5", HOOS_ADL, "bending to the floor, picking up an object"),
    HOOS_ITEM("A6", HOOS_ADL, "walking on a flat surface"),
    HOOS_ITEM("A7", HOOS_ADL, "getting in or out of a car"),
    HOOS_ITEM("A8", HOOS_ADL, "going shopping"),
    HOOS_ITEM("A9", HOOS_ADL, "putting on socks"),
    HOOS_ITEM("A10", HOOS_ADL, "rising from bed"),
    HOOS_ITEM("A11", HOOS_ADL, "taking off socks"),
    HOOS_ITEM("A12", HOOS_ADL, "lying in bed, turning or keeping hip position"),
    HOOS_ITEM("A13", HOOS_ADL, "getting in or out of the bath"),
    HOOS_ITEM("A14", HOOS_ADL, "sitting"),
    HOOS_ITEM("A15", HOOS_ADL, "getting on or off the toilet"),
    HOOS_ITEM("A16", HOOS_ADL, "heavy domestic duties"),
    HOOS_ITEM("A17", HOOS_ADL, "light domestic duties"),
    HOOS_ITEM("SP1", HOOS_SPORT, "squatting"),
    HOOS_ITEM("SP2", HOOS_SPORT, "running"),
    HOOS_ITEM("SP3", HOOS_SPORT, "twisting or pivoting on the loaded leg"),
    HOOS_ITEM("SP4", HOOS_SPORT, "walking on an uneven surface"),
    HOOS_ITEM("Q1", HOOS_QOL, "how often aware of the hip problem"),
    HOOS_ITEM("Q2", HOOS_QOL, "lifestyle modified to avoid harming the hip"),
    HOOS_ITEM("Q3", HOOS_QOL, "troubled by lack of confidence in the hip"),
    HOOS_ITEM("Q4", HOOS_QOL, "general difficulty with the hip"),
};

/* HOOS-12 (§2.2): pain P1, P4 [S*], P5, P7; function A3, A4, A7, SP4; QOL Q1-Q4
 * [S: Gandek 2019 item topics, koos.nu; mapping to HOOS ids D]. */
static const hip__item_def hoos12_items[12] = {
    HOOS_ITEM("P1", HOOS12_PAIN, NULL),
    HOOS_ITEM("P4", HOOS12_PAIN, NULL),
    HOOS_ITEM("P5", HOOS12_PAIN, NULL),
    HOOS_ITEM("P7", HOOS12_PAIN, NULL),
    HOOS_ITEM("A3", HOOS12_FUNCTION, NULL),
    HOOS_ITEM("A4", HOOS12_FUNCTION, NULL),
    HOOS_ITEM("A7", HOOS12_FUNCTION, NULL),
    HOOS_ITEM("SP4", HOOS12_FUNCTION, NULL),
    HOOS_ITEM("Q1", HOOS12_QOL, NULL),
    HOOS_ITEM("Q2", HOOS12_QOL, NULL),
    HOOS_ITEM("Q3", HOOS12_QOL, NULL),
    HOOS_ITEM("Q4", HOOS12_QOL, NULL),
};

/* HOOS JR (§2.3): P5, P10, A3, A5, A12, A14 [S: Lyman 2016 item topics; mapping D]. */
static const hip__item_def hoos_jr_items[6] = {
    HOOS_ITEM("P5", HOOS_JR, NULL),  HOOS_ITEM("P10", HOOS_JR, NULL), HOOS_ITEM("A3", HOOS_JR, NULL),
    HOOS_ITEM("A5", HOOS_JR, NULL),  HOOS_ITEM("A12", HOOS_JR, NULL), HOOS_ITEM("A14", HOOS_JR, NULL),
};

/* HOOS-PS (§2.4): A1, A13, A14, SP2, SP3 [S: Davis 2008 abstract; mapping D]. */
static const hip__item_def hoos_ps_items[5] = {
    HOOS_ITEM("A1", HOOS_PS, NULL), HOOS_ITEM("A13", HOOS_PS, NULL), HOOS_ITEM("A14", HOOS_PS, NULL),
    HOOS_ITEM("SP2", HOOS_PS, NULL), HOOS_ITEM("SP3", HOOS_PS, NULL),
};

/* PSFS (§2.5): up to 5 patient-named activities, 0 = unable ... 10 = as before [S; slots DD]. */
static const hip__item_def psfs_items[5] = {
    {"ACT1", 0, 10, HIP_OUTCOME_SCALE_PSFS, "patient-named activity 1"},
    {"ACT2", 0, 10, HIP_OUTCOME_SCALE_PSFS, "patient-named activity 2"},
    {"ACT3", 0, 10, HIP_OUTCOME_SCALE_PSFS, "patient-named activity 3"},
    {"ACT4", 0, 10, HIP_OUTCOME_SCALE_PSFS, "patient-named activity 4"},
    {"ACT5", 0, 10, HIP_OUTCOME_SCALE_PSFS, "patient-named activity 5"},
};

/* iHOT-12 (§2.6): 12 visual analogue items 0-100 [S*]. Ids and ranges only: no item text. */
#define IHOT_ITEM(id) {id, 0, 100, HIP_OUTCOME_SCALE_IHOT12, ""}
static const hip__item_def ihot12_items[12] = {
    IHOT_ITEM("I1"), IHOT_ITEM("I2"), IHOT_ITEM("I3"), IHOT_ITEM("I4"),  IHOT_ITEM("I5"),  IHOT_ITEM("I6"),
    IHOT_ITEM("I7"), IHOT_ITEM("I8"), IHOT_ITEM("I9"), IHOT_ITEM("I10"), IHOT_ITEM("I11"), IHOT_ITEM("I12"),
};

/* Oxford Hip Score (§2.7): 12 items, current 0-4 scoring (4 = best) [S*]. Ids and ranges only. */
#define OHS_ITEM(id) {id, 0, 4, HIP_OUTCOME_SCALE_OXFORD, ""}
static const hip__item_def oxford_items[12] = {
    OHS_ITEM("O1"), OHS_ITEM("O2"), OHS_ITEM("O3"), OHS_ITEM("O4"),  OHS_ITEM("O5"),  OHS_ITEM("O6"),
    OHS_ITEM("O7"), OHS_ITEM("O8"), OHS_ITEM("O9"), OHS_ITEM("O10"), OHS_ITEM("O11"), OHS_ITEM("O12"),
};

static const hip_outcome_scale hoos_scales[] = {
    HIP_OUTCOME_SCALE_HOOS_SYMPTOMS, HIP_OUTCOME_SCALE_HOOS_PAIN, HIP_OUTCOME_SCALE_HOOS_ADL,
    HIP_OUTCOME_SCALE_HOOS_SPORT, HIP_OUTCOME_SCALE_HOOS_QOL};
static const hip_outcome_scale hoos12_scales[] = {
    HIP_OUTCOME_SCALE_HOOS12_PAIN, HIP_OUTCOME_SCALE_HOOS12_FUNCTION, HIP_OUTCOME_SCALE_HOOS12_QOL,
    HIP_OUTCOME_SCALE_HOOS12_SUMMARY};
static const hip_outcome_scale hoos_jr_scales[] = {HIP_OUTCOME_SCALE_HOOS_JR};
static const hip_outcome_scale hoos_ps_scales[] = {HIP_OUTCOME_SCALE_HOOS_PS};
static const hip_outcome_scale psfs_scales[] = {HIP_OUTCOME_SCALE_PSFS};
static const hip_outcome_scale ihot12_scales[] = {HIP_OUTCOME_SCALE_IHOT12};
static const hip_outcome_scale oxford_scales[] = {HIP_OUTCOME_SCALE_OXFORD};

#define N(a) (sizeof(a) / sizeof((a)[0]))
static const hip__instrument_def instruments[HIPTRACK_INSTRUMENT_COUNT] = {
    {"hoos", hoos_items, N(hoos_items), hoos_scales, N(hoos_scales)},
    {"hoos12", hoos12_items, N(hoos12_items), hoos12_scales, N(hoos12_scales)},
    {"hoos_jr", hoos_jr_items, N(hoos_jr_items), hoos_jr_scales, N(hoos_jr_scales)},
    {"hoos_ps", hoos_ps_items, N(hoos_ps_items), hoos_ps_scales, N(hoos_ps_scales)},
    {"psfs", psfs_items, N(psfs_items), psfs_scales, N(psfs_scales)},
    {"ihot12", ihot12_items, N(ihot12_items), ihot12_scales, N(ihot12_scales)},
    {"oxford", oxford_items, N(oxford_items), oxford_scales, N(oxford_scales)},
};

/* HOOS JR raw (0-24) -> interval score, 100 = perfect hip health. CLINICAL.md §2.3
 * [S*: official scoring workbook transcription; two independent secondary sources agree on all 25
 * rows; the primary table (Lyman 2016 appendix) is a release check]. */
const double hip__hoos_jr_table[25] = {
    100.000, 92.340, 85.257, 80.550, 76.776, 73.472, 70.426, 67.516, 64.664,
    61.815,  58.930, 55.985, 52.965, 49.858, 46.652, 43.335, 39.902, 36.363,
    32.735,  29.009, 25.103, 20.805, 15.633, 8.104,  0.000,
};

/* HOOS-PS raw (0-20) -> score, HOOS-aligned (100 = no difficulty). CLINICAL.md §2.4
 * [S*: single transcription (awell-score) of the user guide nomogram; verify before release]. */
const double hip__hoos_ps_table[21] = {
    100.0, 95.4, 91.2, 87.3, 83.6, 80.0, 76.6, 73.1, 69.6, 66.1, 62.3,
    58.3,  53.9, 49.2, 44.1, 38.4, 32.1, 25.2, 17.6, 9.2,  0.0,
};

const hip__instrument_def *hip__instrument(hip_instrument instrument)
{
    return (unsigned)instrument < HIPTRACK_INSTRUMENT_COUNT ? &instruments[instrument] : NULL;
}

long hip__item_index(const hip__instrument_def *def, const char *id)
{
    if (!def || !id) return -1;
    for (size_t i = 0; i < def->n_items; i++)
        if (strcmp(def->items[i].id, id) == 0) return (long)i;
    return -1;
}

const char *hip__item_topic(const hip__item_def *item)
{
    if (item->topic) return item->topic;
    long i = hip__item_index(&instruments[HIP_INSTRUMENT_HOOS], item->id);
    return i >= 0 ? hoos_items[i].topic : "";
}
