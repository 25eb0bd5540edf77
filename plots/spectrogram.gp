# spectrogram.gp — time x frequency heat map in dB, viridis palette.
# Data: imgfile, a float32 array of imgnx x imgny pixels (dsplab reduced the
# frames and bins to the pixel grid, max in each pixel); pixel centres at
# imgx0 + i*imgdx (s) and imgy0 + j*imgdy (Hz, or log10 Hz when logf).
load plotdir.'/common.gp'
load plotdir.'/specaxes.gp'
set title title
plot imgfile binary array=(imgnx,imgny) format='%float32' \
     dx=imgdx dy=imgdy origin=(imgx0,imgy0) with image
load plotdir.'/finish.gp'
