"""The commands of ``python -m tflint`` (registered in :mod:`tflint.__main__`), one module each:
:mod:`check`, :mod:`rules`, :mod:`explain`; :mod:`progress` draws ``check``'s module counter and
:mod:`files` finds the Python files below a folder. ``confirm`` lives with the runtime mode
(:mod:`tflint.runtime.cli`).
"""
