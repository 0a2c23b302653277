"""The runtime mode: ``python -m tflint confirm`` runs code under real TensorFlow and turns each
static finding into evidence.

Two processes, strictly separated:

- the parent (``confirm``, ``static``, ``runner``, ``confirmations``, ``report``) lints with
  pylint in-process, starts children, joins what they saw with the findings and reports. It never
  imports TensorFlow and never executes user code;
- the child (``tflint.runtime.child``, started by ``runner``) imports TensorFlow, installs the
  instrumentation (``instrument``, ``lines``) and runs the user's script, module or test suite,
  then writes its observations (``observations``) as JSON to a temporary file.

See docs/runtime.md for the command, the verdicts and the JSON schema.
"""
