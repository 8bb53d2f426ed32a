-- A run's progress while it is under way: the batches (LLM calls) the AI service has finished of
-- those it asked for so far, and the ideas ready, as its latest attempt reported them. Null until
-- an attempt reports its first batch; a new attempt starts again from null.

-- AlterTable
ALTER TABLE "generations" ADD COLUMN "batches_done" INTEGER,
ADD COLUMN "batches_total" INTEGER,
ADD COLUMN "ideas_ready" INTEGER;
