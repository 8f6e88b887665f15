# The Java example on a recording file: the CLI simulates 12 squats, CountReps must count 12.
execute_process(COMMAND "${CLI}" simulate --exercise squat --reps 12 --seed 5
                OUTPUT_FILE "${WORK}/java_example_squat.csv" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "hiptrack simulate failed: ${rc}")
endif()
execute_process(COMMAND "${JAVA}" "-Djava.library.path=${LIBDIR}" -cp "${CP}" CountReps
                        "${WORK}/java_example_squat.csv" squat
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
message("${out}${err}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "(^|\n)12 reps of squat")
  message(FATAL_ERROR "CountReps: exit ${rc}, expected \"12 reps of squat\"")
endif()
