/* fft_wisdom.h — FFTW double wisdom (generated text, do not edit): the
 * plans dsplab uses for its real forward FFTs of 512, 1024 and 4096 points
 * (see fft.c; for 2048 none of the PATIENT plans found beat ESTIMATE's on
 * an idle machine, so that size keeps ESTIMATE's plan). Made on the
 * development machine (Xeon, AVX, FFTW 3.3.10) with FFTW's own tool, one
 * size at a time, three runs each:
 *     fftw-wisdom -n -o FILE rof1024
 * keeping the run whose plan measured fastest against FFTW_ESTIMATE's
 * (interleaved timing), then imported together and exported as one text.
 * The text fixes the plan completely, so results are the same bits on every
 * run; where FFTW cannot use it (another FFTW build, a CPU without AVX,
 * another size) dsplab plans with FFTW_ESTIMATE as before. */
static const char WISDOM_F64[] =
    "(fftw-3.3.10 fftw_wisdom #x458a31c8 #x92381c4c #x4f974889 #xcd46f97e\n"
    "  (fftw_codelet_r2cfII_2 2 #x11048 #x11048 #x0 #x6e5132eb #x80cf1f87 #x62d8f14f #x169bb56f)\n"
    "  (fftw_codelet_r2cfII_2 2 #x11048 #x11048 #x0 #x78c29da6 #x74a561e9 #x89ce8aa0 #xdd996bbc)\n"
    "  (fftw_codelet_r2cf_2 2 #x11048 #x11048 #x0 #x6f5d40e3 #x02501563 #x153b8f39 #xffdc1a66)\n"
    "  (fftw_codelet_r2cfII_2 2 #x11048 #x11048 #x0 #xfcde69de #xb320f2f0 #xf9c513b9 #x0388aa6b)\n"
    "  (fftw_codelet_r2cf_2 2 #x11048 #x11048 #x0 #x4bf7f8d9 #x64aa2220 #x1d28527a #x056c408f)\n"
    "  (fftw_codelet_t2fv_32_avx 0 #x11048 #x11048 #x0 #x5ccd11b9 #x43ed8830 #x7233cc84 #xe3e53a93)\n"
    "  (fftw_codelet_hc2cfdftv_2_avx 0 #x11048 #x11048 #x0 #x4d4b1bfd #x8518ad3f #x36f383f1 #x5a841548)\n"
    "  (fftw_codelet_n2fv_64_avx 0 #x11048 #x11048 #x0 #x0325f2a8 #x09d79e92 #x087cac0f #xb9ee6d12)\n"
    "  (fftw_codelet_hc2cfdftv_2_avx 0 #x11048 #x11048 #x0 #x2b2224fd #xc6d31fc1 #xf08ddb32 #xd3726977)\n"
    "  (fftw_codelet_n2fv_16_avx 0 #x11048 #x11048 #x0 #xceb78709 #x256b5ce3 #x1e7977c0 #x7e59d943)\n"
    "  (fftw_codelet_t2fv_32_avx 0 #x11048 #x11048 #x0 #x52d2c729 #xd90ebce1 #x6bd78c14 #x22b31d6d)\n"
    "  (fftw_codelet_n2fv_64_avx 0 #x11048 #x11048 #x0 #x7ecb5339 #x1e78ef88 #x6f2ab1db #x3337ceee)\n"
    "  (fftw_codelet_r2cf_2 2 #x11048 #x11048 #x0 #x96022fcd #x29ef0675 #x1b46036f #x81e6cbd5)\n"
    "  (fftw_codelet_t2fv_4_avx 0 #x11048 #x11048 #x0 #xcf6061a3 #x568aee5c #x3ed75045 #xd3c2f0a4)\n"
    "  (fftw_codelet_hc2cfdftv_2_avx 0 #x11048 #x11048 #x0 #xdc38cc14 #x0d1c6e3c #xc0ae48bf #xa0e0eb5a)\n"
    ")\n"
    ;
