/* f32_wisdom.h — FFTW single-precision wisdom (generated text, do not edit): the
 * plans dsplab uses for the complex forward FFTs of 256, 512, 1024 and 2048
 * points that its real FFTs of 512, 1024, 2048 and 4096 points run on (see
 * f32.c). Made on the development machine (Xeon, AVX, FFTW 3.3.10) with
 * FFTW's own tool, one size at a time, three runs each:
 *     fftwf-wisdom -n -o FILE cof1024
 * keeping the run whose plan measured fastest (interleaved medians of 31;
 * 13-28 % faster than FFTW_ESTIMATE's there), then imported together and
 * exported as one text. The text fixes the plan completely, so results are
 * the same bits on every run; where FFTW cannot use it (another FFTW build,
 * a CPU without AVX, another size) dsplab plans with FFTW_ESTIMATE. */
static const char WISDOM_F32[] =
    "(fftw-3.3.10 fftwf_wisdom #x9e7d4dee #xdb14fed1 #x34bf76a4 #xeb6e8fdf\n"
    "  (fftwf_codelet_t2fv_32_avx 0 #x11048 #x11048 #x0 #xfeec02f8 #xbbf06357 #xb26e7a2b #xf7b9dcb8)\n"
    "  (fftwf_codelet_n2fv_64_avx 0 #x11048 #x11048 #x0 #x03406dff #xc8fa0a2c #x62a9a61e #xa394d874)\n"
    "  (fftwf_codelet_n2fv_64_avx 0 #x11048 #x11048 #x0 #xdd22ce6b #xc058516b #x4bb0f5e7 #xef08c653)\n"
    "  (fftwf_codelet_n2fv_64_avx 0 #x11048 #x11048 #x0 #xb8f48902 #x3e3cffd5 #x0902e318 #xff82254a)\n"
    "  (fftwf_codelet_n2fv_16_avx 0 #x11048 #x11048 #x0 #x6bc654fe #x3dad2fa1 #x5cd16e26 #x494045a5)\n"
    "  (fftwf_codelet_t2fv_4_avx 0 #x11048 #x11048 #x0 #x2c50659a #x343a7df7 #xd727540d #xacfea1f9)\n"
    "  (fftwf_codelet_t2fv_16_avx 0 #x11048 #x11048 #x0 #xc6ca45ce #xf08c5f4a #x61a53ade #xe5e374c8)\n"
    "  (fftwf_codelet_t2fv_32_avx 0 #x11048 #x11048 #x0 #xa5af12be #x8ea95383 #xcd10c847 #xe6812dfa)\n"
    ")\n";
