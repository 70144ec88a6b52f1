"""The warm server: ``resdiff serve`` keeps the pipeline loaded for scripts.

A cold ``resdiff report`` spends most of a short pair's time starting: importing the
pipeline, creating its classes, compiling the lens's patterns (docs/performance.md,
issue 16). A script that runs resdiff hundreds of times pays that every time. With
``resdiff serve`` running, the ``resdiff`` command (``client``) hands its arguments,
working folder, environment and its own standard streams to the server (``server``),
which forks a warm copy of itself to run them: the output is written by that copy
straight into the caller's streams, and the exit code comes back. Without a server, or
when anything about it is doubtful, the command runs cold, as before.
"""
