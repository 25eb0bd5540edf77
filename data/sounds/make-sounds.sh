#!/bin/sh
# make-sounds.sh — rebuilds the recorded sounds in data/sounds/ from Debian
# packages. Run once by an instructor (the build never runs it); the results
# are committed. Origins and licences: data/README.md.
#
#   needs: alsa-utils (speech), fluid-soundfont-gm + fluidsynth (notes), sox
#   usage: sh data/sounds/make-sounds.sh        (from the repository root)
set -eu

out=data/sounds
sf2=/usr/share/sounds/sf2/FluidR3_GM.sf2
alsa=/usr/share/sounds/alsa
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Speech: alsa-utils' channel-test voice (mono, 16-bit, 48 kHz). Kept at
# 48 kHz on purpose: lesson 01 reads a rate other than 44.1 kHz.
for name in Front_Center Front_Left Noise; do
    low=$(echo "$name" | tr 'A-Z' 'a-z' | tr '_' '-')
    sox "$alsa/$name.wav" -b 16 -c 1 "$out/speech-$low.wav"
done
mv "$out/speech-noise.wav" "$out/noise-alsa.wav"

# One note as a Standard MIDI File (format 0, 480 ticks per quarter note,
# default tempo 120 bpm, so 480 ticks = 0.5 s), written byte by byte:
#   $1 = GM program (0-based), $2 = MIDI key, $3 = output file.
# The note lasts 1440 ticks = 1.5 s (variable-length delta 0x8B 0x20).
write_note_mid() {
    prog=$(printf '%03o' "$1")
    key=$(printf '%03o' "$2")
    {
        printf 'MThd\000\000\000\006\000\000\000\001\001\340'   # format 0, 1 track, 480 tpq
        printf 'MTrk\000\000\000\017'                           # 15 bytes of events
        printf "\000\300\\$prog"                                # t=0 program change, channel 0
        printf "\000\220\\$key\\144"                            # t=0 note on, velocity 100
        printf "\213\040\200\\$key\\100"                        # t=1440 note off, velocity 64
        printf '\000\377\057\000'                               # end of track
    } > "$3"
}

# $1 = name, $2 = program, $3 = key. Render at 44.1 kHz (stereo float from
# fluidsynth), mix to mono 16-bit, keep 2.0 s (1.5 s note + release) and fade
# the last 0.2 s so the file does not end in a click.
render_note() {
    write_note_mid "$2" "$3" "$tmp/$1.mid"
    fluidsynth -ni -g 0.8 -F "$tmp/$1-raw.wav" -r 44100 "$sf2" "$tmp/$1.mid" > /dev/null 2>&1
    sox "$tmp/$1-raw.wav" -b 16 "$out/$1.wav" remix - trim 0 2.0 fade t 0 2.0 0.2 norm -3
}

render_note piano-a4 0 69    # Acoustic Grand Piano, A4 = 440 Hz
render_note violin-a4 40 69  # Violin, A4 = 440 Hz
render_note flute-a5 73 81   # Flute, A5 = 880 Hz

ls -l "$out"/*.wav
