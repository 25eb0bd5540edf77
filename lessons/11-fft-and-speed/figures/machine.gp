# written by measure.c with the timings beside it
l1_bytes = 49152
l2_bytes = 2097152
machine = 'Intel(R) Xeon(R) Processor, 2 cores, compiler 12.2.0'
