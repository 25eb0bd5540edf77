# plots/plots.mk — figures (included by the Makefile).
#
#   make plots            the lessons' figures, lessons/NN-topic/figures/*.png,
#                         drawn by `dsplab plot` from data/sounds (committed;
#                         each must stay under 150 KB)
#   make plots-demo       one figure of every kind into plots/out/ (ignored by git)
#   make fft-timings      measure lesson 11's timings again on this machine (about a minute)
#
# A figure is remade when its input, the tool or a gnuplot script changes.
# To add one: one $(eval $(call plot_figure,OUTPUT,KIND,INPUT,OPTIONS)) line
# below (no commas inside the arguments), then show it in the lesson's README.

PLOT_MAX_BYTES ?= 153600
PLOT_SCRIPTS := $(wildcard plots/*.gp) plots/viridis.pal
PLOT_OUTPUTS :=

# $(1) output, $(2) kind, $(3) input, $(4) options. A window plot's input is
# a window name, not a file.
define plot_figure
PLOT_OUTPUTS += $(1)
$(1): $(if $(filter window,$(2)),,$(3)) $$(DSPLAB) $$(PLOT_SCRIPTS)
	@mkdir -p $$(@D)
	$$(DSPLAB) plot $(2) $(3) $(4) -o $$@ >/dev/null
	@sz=$$$$(wc -c < $$@); if [ $$$$sz -gt $(PLOT_MAX_BYTES) ]; then \
	    echo "plots: $$@ is $$$$sz bytes, over the $(PLOT_MAX_BYTES)-byte limit" >&2; \
	    rm -f $$@; exit 1; fi
endef

L01 := lessons/01-sounds/figures
L02 := lessons/02-sinusoids-dft/figures
L03 := lessons/03-fourier-properties/figures
L04 := lessons/04-stft/figures
L05 := lessons/05-sinusoidal-model/figures
L06 := lessons/06-harmonic-model/figures
L07 := lessons/07-sines-plus-residual/figures
L08 := lessons/08-mel-spectrogram/figures
L09 := lessons/09-transformations/figures
L10 := lessons/10-sound-description/figures
SND := data/sounds
# data the figures are drawn from (tracks, f0, mel), rebuilt as needed
PLOT_DATA := $(BUILD)/plots

$(eval $(call plot_figure,$(L01)/speech-waveform.png,waveform,$(SND)/speech-front-center.wav,\
  --height 400 --title 'speech-front-center.wav: two words and the silence between them'))
$(eval $(call plot_figure,$(L01)/flute-zoom.png,waveform,$(SND)/flute-a5.wav,\
  --from 0.5 --to 0.51 --height 400 --title 'flute-a5.wav: 10 ms from 0.5 s = 8.8 periods of 880 Hz'))
$(eval $(call plot_figure,$(L01)/flute-spectrum.png,dft,$(SND)/flute-a5.wav,\
  --start 22050 --size 2048 --fft 4096 --window blackmanharris --fmax 8000 --range 100 \
  --title 'flute-a5.wav: 880 Hz and its harmonics'))
$(eval $(call plot_figure,$(L02)/flute-dft.png,dft,$(SND)/flute-a5.wav,\
  --start 22050 --size 1001 --fft 1024 --window hann --fmax 6000 --range 90 \
  --title 'DFT of one frame of flute-a5.wav'))
$(eval $(call plot_figure,$(L03)/window-rectangular.png,window,rectangular,\
  --size 64 --height 450 --title 'rectangular window'))
$(eval $(call plot_figure,$(L03)/window-hann.png,window,hann,\
  --size 64 --height 450 --title 'Hann window'))
$(eval $(call plot_figure,$(L03)/window-blackmanharris.png,window,blackmanharris,\
  --size 64 --height 450 --title 'Blackman-Harris window'))
$(eval $(call plot_figure,$(L03)/flute-zeropad.png,dft,$(SND)/flute-a5.wav,\
  --start 22050 --size 501 --fft 8192 --window hamming --fmax 4000 --range 90 \
  --title 'zero-padding: M = 501 samples of flute-a5.wav in an N = 8192 FFT'))
$(eval $(call plot_figure,$(L04)/piano-spectrogram.png,spectrogram,$(SND)/piano-a4.wav,\
  --size 2048 --hop 256 --fmax 10000 --range 90 --width 900 --height 520 \
  --title 'piano-a4.wav: STFT magnitude (Hann; M = N = 2048; H = 256)'))
$(eval $(call plot_figure,$(L04)/speech-spectrogram-log.png,spectrogram,$(SND)/speech-front-center.wav,\
  --size 1024 --hop 128 --log --fmin 50 --range 70 --width 900 --height 500 \
  --title 'speech-front-center.wav: STFT on a logarithmic frequency axis (M = N = 1024; H = 128)'))
$(eval $(call plot_figure,$(L04)/window-hamming.png,window,hamming,\
  --size 64 --height 450 --title 'Hamming window'))
$(eval $(call plot_figure,$(L05)/violin-spectrogram.png,spectrogram,$(SND)/violin-a4.wav,\
  --window blackmanharris --size 4096 --hop 256 --fmax 8000 --range 60 --width 900 --height 520 \
  --title 'violin-a4.wav: the harmonics a sinusoidal model tracks (Blackman-Harris; M = 4096; 60 dB shown)'))
$(PLOT_DATA)/violin-tracks.txt: $(SND)/violin-a4.wav $(DSPLAB)
	@mkdir -p $(@D)
	$(DSPLAB) sines $< --window blackmanharris --size 4096 --hop 256 --threshold -60 \
	  --max-sines 30 -o $@
$(eval $(call plot_figure,$(L05)/violin-tracks.png,tracks,$(PLOT_DATA)/violin-tracks.txt,\
  --sound $(SND)/violin-a4.wav --window blackmanharris --size 4096 --hop 256 --fmax 4000 \
  --from 0.3 --to 0.9 --range 60 --width 900 --height 520 \
  --title 'violin-a4.wav: the tracks of dsplab sines (threshold -60 dB; 30 sines) over its spectrogram'))
$(eval $(call plot_figure,$(L05)/window-blackmanharris.png,window,blackmanharris,\
  --size 64 --height 450 --title 'Blackman-Harris window: -92 dB side lobes for the sinusoidal model'))

$(PLOT_DATA)/violin-f0.txt: $(SND)/violin-a4.wav $(DSPLAB)
	@mkdir -p $(@D)
	$(DSPLAB) f0 $< --fmin 200 --fmax 1000 -o $@
$(eval $(call plot_figure,$(L06)/violin-f0.png,f0,$(PLOT_DATA)/violin-f0.txt,\
  --sound $(SND)/violin-a4.wav --window blackman --size 2048 --hop 256 --log --fmin 100 \
  --fmax 10000 --range 70 --width 900 --height 520 \
  --title 'violin-a4.wav: f0 of dsplab f0 (two-way mismatch) over its spectrogram'))
$(PLOT_DATA)/violin-harmonics.txt: $(SND)/violin-a4.wav $(DSPLAB)
	@mkdir -p $(@D)
	$(DSPLAB) harmonic $< --harmonics 12 --fmin 300 --fmax 600 -o $@
$(eval $(call plot_figure,$(L06)/violin-harmonics.png,tracks,$(PLOT_DATA)/violin-harmonics.txt,\
  --sound $(SND)/violin-a4.wav --window blackmanharris --size 4096 --hop 256 --fmax 6000 \
  --from 0.3 --to 0.9 --range 60 --width 900 --height 520 \
  --title 'violin-a4.wav: 12 harmonics of dsplab harmonic over its spectrogram'))
# one run of dsplab decompose writes the three sounds. The f0 range must
# hold the flute's 880 Hz: with the defaults (100 .. 300 Hz) TWM returns
# 220 Hz and three slots in four take breath-noise peaks, smearing noise
# into the sines. A harmonic part under 20 dB SNR stops the figure.
$(PLOT_DATA)/decompose/flute-a5-sines.wav: $(SND)/flute-a5.wav $(DSPLAB)
	@mkdir -p $(@D)
	@snr=$$($(DSPLAB) decompose $< --model harmonic --fmin 700 --fmax 1000 --out-dir $(@D) | \
	    sed -n 's/^sines_snr_db: //p'); echo "decompose flute-a5.wav: sines SNR $$snr dB"; \
	  awk -v s="$$snr" 'BEGIN { exit !(s + 0 >= 20) }' || \
	  { echo "plots: the harmonic part of flute-a5.wav has SNR $$snr dB (< 20): check the f0 range" >&2; \
	    rm -f $@; exit 1; }
$(eval $(call plot_figure,$(L07)/flute-decomposition.png,decomposition,\
  $(SND)/flute-a5.wav $(PLOT_DATA)/decompose/flute-a5-sines.wav \
  $(PLOT_DATA)/decompose/flute-a5-residual.wav $(PLOT_DATA)/decompose/flute-a5-stochastic.wav,\
  --labels 'flute-a5.wav;harmonic sines;residual (sound - sines);stochastic approximation' \
  --fmax 8000 --range 60 --width 900 --height 640 \
  --title 'flute-a5.wav through dsplab decompose --model harmonic --fmin 700 --fmax 1000 (top 60 dB shown)'))
$(PLOT_DATA)/speech-mel-db.txt: $(SND)/speech-front-center.wav $(DSPLAB)
	@mkdir -p $(@D)
	$(DSPLAB) melspec $< --db -o $@
$(PLOT_DATA)/speech-mfcc.txt: $(SND)/speech-front-center.wav $(DSPLAB)
	@mkdir -p $(@D)
	$(DSPLAB) mfcc $< -o $@
$(eval $(call plot_figure,$(L08)/speech-melspec.png,melspec,$(PLOT_DATA)/speech-mel-db.txt,\
  --range 80 --width 900 --height 500 \
  --title 'speech-front-center.wav: 128-band mel spectrogram (librosa defaults; dB; top 80 dB)'))
$(eval $(call plot_figure,$(L08)/speech-mfcc.png,mfcc,$(PLOT_DATA)/speech-mfcc.txt,\
  --width 900 --height 450 --title 'speech-front-center.wav: 20 MFCCs (librosa defaults)'))
# Lesson 10: the labelled clips, one summary row each, two columns at a time
CLIPS := $(sort $(wildcard data/clips/*/*.wav))
$(PLOT_DATA)/clips.txt: $(CLIPS) $(DSPLAB)
	@mkdir -p $(@D)
	$(DSPLAB) features --table $@ data/clips
$(eval $(call plot_figure,$(L10)/clips-centroid-flatness.png,scatter,$(PLOT_DATA)/clips.txt,\
  --x centroid_mean --y flatness_mean --logy --width 900 --height 520 \
  --title 'data/clips: mean spectral centroid and mean flatness of each clip (log scale)'))
$(eval $(call plot_figure,$(L10)/clips-zcr-mfcc0std.png,scatter,$(PLOT_DATA)/clips.txt,\
  --x zcr_mean --y mfcc0_std --width 900 --height 520 \
  --title 'data/clips: mean zero-crossing rate and the spread of MFCC 0 (loudness) over time'))
$(eval $(call plot_figure,$(L10)/clips-spectrograms.png,decomposition,\
  data/clips/flute/flute-05.wav data/clips/piano/piano-05.wav data/clips/speech/speech-05.wav data/clips/noise/noise-05.wav,\
  --labels 'flute-05;piano-05;speech-05 ("five");noise-05' --size 512 --hop 64 --range 80 \
  --width 900 --height 640 --title 'four of the 100 clips (0.5 s at 16 kHz; top 80 dB shown)'))

# lesson 09: the sounds dsplab stretch, pitch and morph make, beside their
# originals on one time axis
$(PLOT_DATA)/transform/speech-slow.wav: $(SND)/speech-front-left.wav $(DSPLAB)
	@mkdir -p $(@D)
	$(DSPLAB) stretch $< --factor 1.5 --float -o $@ >/dev/null
$(PLOT_DATA)/transform/speech-fast.wav: $(SND)/speech-front-left.wav $(DSPLAB)
	@mkdir -p $(@D)
	$(DSPLAB) stretch $< --factor 0.6 --float -o $@ >/dev/null
$(eval $(call plot_figure,$(L09)/speech-stretch.png,decomposition,\
  $(SND)/speech-front-left.wav $(PLOT_DATA)/transform/speech-slow.wav $(PLOT_DATA)/transform/speech-fast.wav,\
  --labels 'speech-front-left.wav;dsplab stretch --factor 1.5;dsplab stretch --factor 0.6' \
  --fmax 6000 --range 70 --width 900 --height 600 \
  --title 'time scaling with the phase vocoder (identity phase locking; N = 2048; H = 512)'))
$(PLOT_DATA)/transform/violin-up-keep.wav: $(SND)/violin-a4.wav $(DSPLAB)
	@mkdir -p $(@D)
	$(DSPLAB) pitch $< --semitones 7 --fmin 300 --fmax 600 --harmonics 40 --float -o $@ >/dev/null
$(PLOT_DATA)/transform/violin-up-move.wav: $(SND)/violin-a4.wav $(DSPLAB)
	@mkdir -p $(@D)
	$(DSPLAB) pitch $< --semitones 7 --envelope move --fmin 300 --fmax 600 --harmonics 40 \
	  --float -o $@ >/dev/null
$(eval $(call plot_figure,$(L09)/violin-pitch.png,decomposition,\
  $(SND)/violin-a4.wav $(PLOT_DATA)/transform/violin-up-keep.wav $(PLOT_DATA)/transform/violin-up-move.wav,\
  --labels 'violin-a4.wav (A4);up a fifth: envelope kept;up a fifth: envelope moved' \
  --fmax 5000 --range 60 --width 800 --height 500 \
  --title 'dsplab pitch --semitones 7: the harmonic model moves every harmonic by 1.498'))
$(PLOT_DATA)/transform/violin-flute.wav: $(SND)/violin-a4.wav $(SND)/flute-a5.wav $(DSPLAB)
	@mkdir -p $(@D)
	$(DSPLAB) morph $(SND)/violin-a4.wav $(SND)/flute-a5.wav --fmin 300 --fmax 600 \
	  --fmin-b 600 --fmax-b 1200 --harmonics 40 --alpha-freq 0 --alpha-mag 1 --float -o $@ >/dev/null
$(eval $(call plot_figure,$(L09)/violin-flute-morph.png,decomposition,\
  $(SND)/violin-a4.wav $(SND)/flute-a5.wav $(PLOT_DATA)/transform/violin-flute.wav,\
  --labels 'violin-a4.wav;flute-a5.wav;violin pitch with flute magnitudes (morph)' \
  --fmax 5000 --range 60 --width 800 --height 500 \
  --title 'dsplab morph --alpha-freq 0 --alpha-mag 1'))

# Lesson 11 draws measured timings, committed beside its figures (the
# numbers its README quotes): `make fft-timings` measures this machine again
# with figures/measure.c, built from the lesson's solution (winmag.c four
# times, with the flags measure.c lists), and the figures follow.
L11 := lessons/11-fft-and-speed/figures
L11_SOL := lessons/11-fft-and-speed/solution
L11_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g $(WARN) \
             -Ilib/include -Ilessons/11-fft-and-speed $(PKG_CFLAGS)
$(PLOT_DATA)/l11/measure: $(L11)/measure.c $(wildcard $(L11_SOL)/*.c) \
  lessons/11-fft-and-speed/exercise.h $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(L11_CFLAGS) -O2 -fno-tree-vectorize -Dwinmag_ex=winmag_novec_ex \
	  -Dwinmag_scalar_ex=winmag_scalar_novec_ex -c $(L11_SOL)/winmag.c -o $(@D)/winmag-novec.o
	$(CC) $(L11_CFLAGS) -O3 -fno-math-errno -Dwinmag_ex=winmag_sse2_ex \
	  -Dwinmag_scalar_ex=winmag_scalar_sse2_ex -c $(L11_SOL)/winmag.c -o $(@D)/winmag-sse2.o
	$(CC) $(L11_CFLAGS) -O3 -fno-math-errno -mavx2 -Dwinmag_ex=winmag_avx2_ex \
	  -Dwinmag_scalar_ex=winmag_scalar_avx2_ex -c $(L11_SOL)/winmag.c -o $(@D)/winmag-avx2.o
	$(CC) $(L11_CFLAGS) -O2 -o $@ $(L11)/measure.c $(L11_SOL)/fft.c $(L11_SOL)/bitrev.c \
	  $(L11_SOL)/twiddle.c $(@D)/winmag-novec.o $(@D)/winmag-sse2.o $(@D)/winmag-avx2.o \
	  $(LIB_A) $(LIBS_ALL)
.PHONY: fft-timings
fft-timings: $(PLOT_DATA)/l11/measure
	$< $(L11)
	@$(MAKE) --no-print-directory $(L11_FIGURES)

# $(1) figure name, $(2) script, $(3) data file, $(4) title
define plot_l11
PLOT_OUTPUTS += $(L11)/$(1).png
$(L11)/$(1).png: $(L11)/$(3) $(L11)/machine.gp plots/$(2).gp plots/common.gp plots/finish.gp
	gnuplot -e "term='png'; outfile='$$@'; width=900; height=$(if $(filter simd,$(1)),600,520); plotdir='plots'" \
	  -e "datafile='$(L11)/$(3)'; machinefile='$(L11)/machine.gp'; title='$(4)'" plots/$(2).gp
	@sz=$$$$(wc -c < $$@); if [ $$$$sz -gt $(PLOT_MAX_BYTES) ]; then \
	    echo "plots: $$@ is $$$$sz bytes, over the $(PLOT_MAX_BYTES)-byte limit" >&2; \
	    rm -f $$@; exit 1; fi
endef
$(eval $(call plot_l11,fft-speed,fft-speed,fft-speed.txt,one DFT of n complex values: plain loops / a clever algorithm / a tuned library))
$(eval $(call plot_l11,fft-cache,fft-cache,fft-speed.txt,the cost of one butterfly grows when the data leave the caches))
$(eval $(call plot_l11,simd,simd,simd.txt,mag[k] = w[k] |X[k]|: the same loop four ways))
L11_FIGURES := $(filter $(L11)/%,$(PLOT_OUTPUTS))

# One figure of each kind, for looking at the tool's output (not committed).
PLOT_DEMO := plots/out
$(eval $(call plot_figure,$(PLOT_DEMO)/waveform.png,waveform,$(SND)/speech-front-left.wav,))
$(eval $(call plot_figure,$(PLOT_DEMO)/dft.png,dft,$(SND)/violin-a4.wav,--start 44100 --size 2048))
$(eval $(call plot_figure,$(PLOT_DEMO)/window-kaiser.png,window,kaiser,--beta 8.6 --size 128))
$(eval $(call plot_figure,$(PLOT_DEMO)/spectrogram.png,spectrogram,$(SND)/speech-front-left.wav,--log --fmin 40))
$(eval $(call plot_figure,$(PLOT_DEMO)/melspec.png,melspec,$(SND)/speech-front-left.wav,))
$(eval $(call plot_figure,$(PLOT_DEMO)/mfcc.png,mfcc,$(SND)/speech-front-left.wav,))
$(eval $(call plot_figure,$(PLOT_DEMO)/decomposition.png,decomposition,$(SND)/flute-a5.wav $(SND)/piano-a4.wav $(SND)/violin-a4.wav,))
$(PLOT_DATA)/speech-f0.txt: $(SND)/speech-front-center.wav $(DSPLAB)
	@mkdir -p $(@D)
	$(DSPLAB) f0 $< -o $@
$(PLOT_DATA)/speech-mel.txt: $(SND)/speech-front-center.wav $(DSPLAB)
	@mkdir -p $(@D)
	$(DSPLAB) melspec $< --db -o $@
$(eval $(call plot_figure,$(PLOT_DEMO)/f0.png,f0,$(PLOT_DATA)/speech-f0.txt,\
  --sound $(SND)/speech-front-center.wav --size 1024 --hop 256 --log --fmin 50))
$(eval $(call plot_figure,$(PLOT_DEMO)/melspec-db.png,melspec,$(PLOT_DATA)/speech-mel.txt,))
PLOT_DEMO_OUTPUTS := $(filter $(PLOT_DEMO)/%,$(PLOT_OUTPUTS))
PLOT_LESSON_OUTPUTS := $(filter-out $(PLOT_DEMO)/%,$(PLOT_OUTPUTS))

.PHONY: plots plots-demo
plots: $(PLOT_LESSON_OUTPUTS)
plots-demo: $(PLOT_DEMO_OUTPUTS)
