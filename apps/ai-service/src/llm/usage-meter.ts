import type { TokenUsage } from '@muse/contracts';

/**
 * Sums token usage over every LLM call of a run, the failed and retried ones included, and keeps the
 * run within its token budget: a call starts only when its worst case fits beside what is spent and
 * what the calls under way may still spend.
 */
export class UsageMeter {
  private prompt = 0;
  private completion = 0;
  private callCount = 0;
  private reserved = 0;
  private readonly budget: number;

  constructor(budget = Number.POSITIVE_INFINITY) {
    this.budget = budget;
  }

  /** Books a call's worst case; false when it could take the run past its budget. */
  reserve(tokens: number): boolean {
    if (this.spent + this.reserved + tokens > this.budget) return false;
    this.reserved += tokens;
    return true;
  }

  /** Frees a booking once its call is over (its real usage is recorded apart). */
  release(tokens: number): void {
    this.reserved -= tokens;
  }

  recordCall(usage: { prompt_tokens: number; completion_tokens: number } | null | undefined): void {
    this.callCount++;
    if (!usage) return;
    this.prompt += usage.prompt_tokens;
    this.completion += usage.completion_tokens;
  }

  get calls(): number {
    return this.callCount;
  }

  get usage(): TokenUsage {
    return { promptTokens: this.prompt, completionTokens: this.completion };
  }

  private get spent(): number {
    return this.prompt + this.completion;
  }
}
