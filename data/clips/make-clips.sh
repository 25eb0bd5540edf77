#!/bin/sh
# make-clips.sh — rebuilds the labelled clips in data/clips/ that lesson 10
# classifies: one folder per class, 20 clips each, 0.5 s, 16 kHz, mono,
# 16-bit PCM WAV. Run once by an instructor (the build and CI never run it);
# the results are committed. Origins and licences: data/README.md.
#
#   needs: fluidsynth + fluid-soundfont-gm (piano, violin, flute),
#          espeak-ng (speech), sox (noise, trimming, levels)
#   usage: sh data/clips/make-clips.sh        (from the repository root)
#
# Every parameter (note, velocity, voice, word, noise colour, filter, level)
# is a fixed function of the clip number, so the script makes the same set
# each time (sox's noise generator is seeded per clip with -R).
set -eu

out=data/clips
sf2=/usr/share/sounds/sf2/FluidR3_GM.sf2
n_clips=20
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Peak level of clip i: -3 .. -12 dBFS, so loudness alone names no class.
level() { echo "-$(( 3 + ($1 * 7) % 10 ))"; }

# One note as a Standard MIDI File (format 0, 480 ticks per quarter note at
# the default 120 bpm, so 480 ticks = 0.5 s), written byte by byte:
#   $1 = GM program (0-based), $2 = MIDI key, $3 = velocity, $4 = output.
# The note lasts 384 ticks = 0.4 s (variable-length delta 0x83 0x00).
write_note_mid() {
    prog=$(printf '%03o' "$1")
    key=$(printf '%03o' "$2")
    vel=$(printf '%03o' "$3")
    {
        printf 'MThd\000\000\000\006\000\000\000\001\001\340'   # format 0, 1 track, 480 tpq
        printf 'MTrk\000\000\000\017'                           # 15 bytes of events
        printf "\000\300\\$prog"                                # t=0 program change, channel 0
        printf "\000\220\\$key\\$vel"                           # t=0 note on
        printf "\203\000\200\\$key\\100"                        # t=384 note off, velocity 64
        printf '\000\377\057\000'                               # end of track
    } > "$4"
}

# Clip i of an instrument: $1 = class, $2 = GM program, $3 = lowest key,
# $4 = keys spanned. Keys step by 7 semitones (mod the span) so the 20 notes
# spread over the range; velocity 60 .. 120.
render_notes() {
    mkdir -p "$out/$1"
    i=0
    while [ "$i" -lt "$n_clips" ]; do
        key=$(( $3 + (i * 7) % $4 ))
        vel=$(( 60 + (i * 13) % 61 ))
        name=$(printf '%s/%s/%s-%02d.wav' "$out" "$1" "$1" "$i")
        write_note_mid "$2" "$key" "$vel" "$tmp/n.mid"
        fluidsynth -ni -g 0.8 -F "$tmp/raw.wav" -r 16000 "$sf2" "$tmp/n.mid" > /dev/null 2>&1
        sox "$tmp/raw.wav" -b 16 "$name" remix - trim 0 0.5 \
            fade t 0 0.5 0.05 norm "$(level "$i")"
        i=$((i + 1))
    done
}

render_notes piano 0 45 36     # Acoustic Grand Piano, A2 .. G#5 (110 .. 831 Hz)
render_notes violin 40 55 36   # Violin, G3 .. F#6 (196 .. 1480 Hz)
render_notes flute 73 60 36    # Flute, C4 .. B6 (262 .. 1976 Hz)

# Speech: one English word per clip from espeak-ng, in 5 voices at 4 pitches;
# leading silence removed, cut or padded to 0.5 s.
mkdir -p "$out/speech"
set -- zero one two three four five six seven eight nine \
       yes no up down left right on off stop go
voices="en en+f3 en+m3 en-us+f4 en-us+m7"
i=0
for word in "$@"; do
    voice=$(echo "$voices" | cut -d' ' -f$(( 1 + i % 5 )))
    pitch=$(( 30 + (i * 17) % 50 ))
    name=$(printf '%s/speech/speech-%02d.wav' "$out" "$i")
    espeak-ng -v "$voice" -p "$pitch" -s 190 -w "$tmp/raw.wav" "$word"
    sox -V1 "$tmp/raw.wav" -b 16 -r 16000 "$name" silence 1 0.005 1% \
        pad 0 0.5 trim 0 0.5 fade t 0 0.5 0.05 norm "$(level "$i")"
    i=$((i + 1))
done

# Noise: white, pink or brown noise through a band-pass filter of varying
# centre and width, with a slow or sudden attack (hiss, rumble, wind, steam).
mkdir -p "$out/noise"
set -- whitenoise pinknoise brownnoise
i=0
while [ "$i" -lt "$n_clips" ]; do
    colour=$(echo "whitenoise pinknoise brownnoise" | cut -d' ' -f$(( 1 + i % 3 )))
    centre=$(( 300 + (i * 1117) % 5000 ))
    width=$(( 2 + i % 4 ))             # octaves
    attack=$(awk "BEGIN { print 0.005 + ($i % 5) * 0.05 }")
    name=$(printf '%s/noise/noise-%02d.wav' "$out" "$i")
    sox -R -n -r 16000 -b 16 -c 1 "$name" synth 0.5 "$colour" vol 0.25 \
        sinc -n 255 "$(( centre / 2 ))-$(( centre * width / 2 + centre ))" \
        fade t "$attack" 0.5 0.05 norm "$(level "$i")"
    i=$((i + 1))
done

du -sh "$out"
