# mfcc.gp — MFCCs as an image, rows frames, columns coefficients: the same
# drawing as melspec.gp (dsplab sets ismfcc, and a colour range symmetric
# about 0 that spans coefficients 1 and up, since c0 dwarfs them).
load plotdir.'/melspec.gp'
