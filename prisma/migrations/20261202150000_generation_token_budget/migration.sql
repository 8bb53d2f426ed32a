-- The token budget of a run: what it reserves against the monthly quota while queued or running,
-- and the most the AI service may spend on it. Runs queued before it have none and are reserved
-- by their idea count.

-- AlterTable
ALTER TABLE "generations" ADD COLUMN     "token_budget" INTEGER;
