# tracks.gp — sinusoidal tracks or an f0 contour over a spectrogram.
# Data: imgfile (as in spectrogram.gp); linesfile, text "time_s y" with a
# blank line between segments (y in Hz, or log10 Hz when logf).
load plotdir.'/common.gp'
load plotdir.'/specaxes.gp'
set title title
set key top right opaque box
# each line twice: a dark outline under a bright core, visible on any colour
plot imgfile binary array=(imgnx,imgny) format='%float32' \
     dx=imgdx dy=imgdy origin=(imgx0,imgy0) with image notitle, \
     linesfile using 1:2 with lines lc rgb '#000000' lw (isf0 ? 4.5 : 3.2) notitle, \
     linesfile using 1:2 with lines lc rgb '#ff4040' lw (isf0 ? 2.5 : 1.4) \
     title (isf0 ? 'f0: ' : 'tracks: ').overlay
load plotdir.'/finish.gp'
