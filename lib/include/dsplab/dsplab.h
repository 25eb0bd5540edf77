/* dsplab.h — everything in libdsplab. Includes the concept headers only. */
#ifndef DSPLAB_DSPLAB_H
#define DSPLAB_DSPLAB_H

#include "dsplab/status.h"
#include "dsplab/audio.h"
#include "dsplab/gen.h"
#include "dsplab/window.h"
#include "dsplab/dft.h"
#include "dsplab/fft.h"
#include "dsplab/spectrum.h"
#include "dsplab/signal.h"
#include "dsplab/datafile.h"
#include "dsplab/dftmodel.h"
#include "dsplab/stft.h"
#include "dsplab/mel.h"
#include "dsplab/melspec.h"
#include "dsplab/mfcc.h"
#include "dsplab/resample.h"
#include "dsplab/vggish.h"
#include "dsplab/f32.h"
#include "dsplab/stream.h"
#include "dsplab/peaks.h"
#include "dsplab/sine.h"
#include "dsplab/harmonic.h"
#include "dsplab/residual.h"
#include "dsplab/transform.h"
#include "dsplab/features.h"
#include "dsplab/classify.h"

#endif
