import type { TokenUsage } from '@muse/contracts';

/** Sums token usage over every LLM call of a run, the failed and retried ones included. */
export class UsageMeter {
  private prompt = 0;
  private completion = 0;
  private callCount = 0;

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
}
