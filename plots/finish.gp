# finish.gp — loaded last: keep an interactive window open until closed.
if (term eq 'window') { pause mouse close }
unset output
