/* f32_wisdom.h — FFTW single-precision wisdom (generated text, do not edit): the
 * plans dsplab uses for its real forward FFTs of 512, 1024, 2048 and 4096
 * points (see f32.c). Made on the development machine (Xeon, AVX, FFTW
 * 3.3.10) with FFTW's own tool, one size at a time, three runs each:
 *     fftwf-wisdom -n -o FILE rof2048
 * keeping the run whose plan measured fastest against FFTW_ESTIMATE's
 * (interleaved timing), then imported together and exported as one text.
 * The text fixes the plan completely, so results are the same bits on every
 * run; where FFTW cannot use it (another FFTW build, a CPU without AVX,
 * another size) dsplab plans with FFTW_ESTIMATE as before. */
static const char WISDOM_F32[] =
    "(fftw-3.3.10 fftwf_wisdom #x9e7d4dee #xdb14fed1 #x34bf76a4 #xeb6e8fdf\n"
    "  (fftwf_codelet_hc2cfdftv_8_sse2 0 #x11048 #x11048 #x0 #x42ead677 #x86451fba #xaefc212f #xfe3ad2af)\n"
    "  (fftwf_dft_vrank_geq1_register 0 #x11048 #x11048 #x0 #x1d5f8951 #x83ff8a7f #x97795bcc #x27178c7e)\n"
    "  (fftwf_codelet_t2fv_4_avx 0 #x11048 #x11048 #x0 #x17fbf099 #xff0d04f9 #x27f8a3ed #x01c0ab6a)\n"
    "  (fftwf_codelet_n2fv_64_avx 0 #x11048 #x11048 #x0 #x287a5212 #x9c627490 #xa9e4b096 #x3f08a900)\n"
    "  (fftwf_codelet_r2cfII_8 2 #x11048 #x11048 #x0 #xb6399110 #x4c96f9f0 #xaab72706 #x16fd8170)\n"
    "  (fftwf_codelet_r2cf_8 2 #x11048 #x11048 #x0 #xffbbd2d6 #x1e2662c0 #x80466bbc #x2e3a8851)\n"
    "  (fftwf_codelet_n2fv_64_avx 0 #x11048 #x11048 #x0 #x03406dff #xc8fa0a2c #x62a9a61e #xa394d874)\n"
    "  (fftwf_codelet_r2cf_8 2 #x11048 #x11048 #x0 #xba38f62e #x4946eacc #xea4ed48e #xfce17397)\n"
    "  (fftwf_dft_vrank_geq1_register 0 #x11048 #x11048 #x0 #xfb238183 #x0d9cb107 #x97d478a7 #xb17e66a0)\n"
    "  (fftwf_codelet_r2cfII_8 2 #x11048 #x11048 #x0 #x76fa2a50 #xf4668261 #xbf8b003e #xbfa64206)\n"
    "  (fftwf_codelet_hc2cfdftv_8_sse2 0 #x11048 #x11048 #x0 #xc447d79d #x3bb36c12 #x2e7c8386 #xc241521c)\n"
    "  (fftwf_codelet_hc2cfdftv_8_sse2 0 #x11048 #x11048 #x0 #x85773c49 #x9a968ccc #xbd37e819 #xac77e6a4)\n"
    "  (fftwf_codelet_t2fv_4_avx 0 #x11048 #x11048 #x0 #xb0bde699 #x3baa1ac0 #xdbbed5b2 #x3b1456c3)\n"
    "  (fftwf_codelet_t1fv_8_avx 0 #x11048 #x11048 #x0 #x80a102c8 #x332f47bc #x10cdb888 #xb57ff6f6)\n"
    "  (fftwf_codelet_r2cfII_8 2 #x11048 #x11048 #x0 #x68609657 #xbc9ec93a #x11b42de9 #xb606cbdd)\n"
    "  (fftwf_codelet_r2cfII_8 2 #x11048 #x11048 #x0 #x9b71d905 #x7d7faf81 #x09c45860 #x2a522386)\n"
    "  (fftwf_codelet_n2fv_32_avx 0 #x11048 #x11048 #x0 #x3bd95895 #x03d8e6a7 #x3814b4a9 #x79dda258)\n"
    "  (fftwf_codelet_n2fv_64_avx 0 #x11048 #x11048 #x0 #xdae94766 #xa548e347 #x8a9a261b #xff2066cd)\n"
    "  (fftwf_codelet_r2cf_8 2 #x11048 #x11048 #x0 #xe75b944c #x09ac1906 #x449b29ce #x7b6666b0)\n"
    "  (fftwf_dft_vrank_geq1_register 0 #x11048 #x11048 #x0 #x3d3fc101 #x304dfb91 #x50844c77 #xf91c631a)\n"
    "  (fftwf_codelet_r2cf_8 2 #x11048 #x11048 #x0 #xa8e723ad #x5577b756 #x19ace181 #xf0b6f4b2)\n"
    "  (fftwf_codelet_hc2cfdftv_8_sse2 0 #x11048 #x11048 #x0 #x3f67885c #x1d118905 #x1b4c027b #x7ecffc87)\n"
    ")\n"
    ;
