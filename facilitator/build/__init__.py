"""Building packs: :mod:`~facilitator.build.pipeline` (request -> documents in memory -> folder),
:mod:`~facilitator.build.publish` (staging, swap, signals) and :mod:`~facilitator.build.manifest`
(what a pack records, its inputs digest, reading it back). Import the module you need: this
package imports nothing, so ``verify`` can read a manifest without loading the pipeline."""
