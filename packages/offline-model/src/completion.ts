import { writeFeedback } from './feedback-writer.ts';
import { hashText } from './hash.ts';
import { type IdeaKind, writeIdeas } from './idea-writer.ts';
import { readPrompt } from './prompt-reader.ts';
import { fillSchema, type JsonSchema } from './schema-filler.ts';

/** The name the offline model answers with; callers recognise its ideas by the `offline-` prefix. */
export const OFFLINE_MODEL_NAME = 'offline-muse-1';

const DEFAULT_IDEA_COUNT = 3;

export interface ChatMessage {
  role: string;
  content: string;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  schemaName: string | null;
  schema: JsonSchema | null;
}

export type AnswerFault = 'malformed_json' | 'truncated_json' | 'banned_phrase' | null;

export interface ChatAnswer {
  content: string;
  finishReason: 'stop' | 'length';
}

/** Checks the parts of an OpenAI chat completion request the offline model uses; returns a problem or the request. */
export function readChatRequest(body: unknown): ChatRequest | { problem: string; param: string } {
  if (!isRecord(body)) return { problem: 'The body must be a JSON object.', param: '' };
  if (typeof body.model !== 'string' || !body.model) return { problem: 'model is required.', param: 'model' };
  if (body.stream === true)
    return { problem: 'The offline model does not stream; omit stream.', param: 'stream' };
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return { problem: 'messages must be a non-empty array.', param: 'messages' };
  }
  const messages: ChatMessage[] = [];
  for (const [index, message] of body.messages.entries()) {
    const content = isRecord(message) ? messageText(message.content) : null;
    if (!isRecord(message) || typeof message.role !== 'string' || content === null) {
      return { problem: `messages[${index}] needs a role and text content.`, param: `messages[${index}]` };
    }
    messages.push({ role: message.role, content });
  }
  const format = isRecord(body.response_format) ? body.response_format : null;
  const jsonSchema =
    format?.type === 'json_schema' && isRecord(format.json_schema) ? format.json_schema : null;
  return {
    model: body.model,
    messages,
    schemaName: typeof jsonSchema?.name === 'string' ? jsonSchema.name : null,
    schema: isRecord(jsonSchema?.schema) ? (jsonSchema.schema as JsonSchema) : null,
  };
}

/** Deterministic: the same request always gets the same answer. */
export function answerChat(
  request: ChatRequest,
  fault: AnswerFault,
  bannedPhrase: string | null,
): ChatAnswer {
  const prompt = request.messages.map((message) => message.content).join('\n\n');
  if (isFeedbackRequest(request)) {
    const feedback = writeFeedback(prompt);
    const value = request.schema ? fillSchema(request.schema, feedback) : feedback;
    return { content: JSON.stringify(value), finishReason: 'stop' };
  }
  const brief = readPrompt(prompt);
  const kind: IdeaKind = isReelRequest(request) ? 'reel' : 'post';
  const ideas = writeIdeas(brief, kind, brief.slots.length || DEFAULT_IDEA_COUNT);

  const first = ideas[0];
  if (fault === 'banned_phrase' && first) {
    const phrase = bannedPhrase ?? brief.dontList[0] ?? 'game-changer';
    first.caption = `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}: ${first.caption}`;
  }

  const value = request.schema ? fillSchema(request.schema, { ideas }) : { ideas };
  const json = JSON.stringify(value);
  if (fault === 'truncated_json')
    return { content: json.slice(0, Math.floor(json.length * 0.6)), finishReason: 'length' };
  // A typical way models break JSON: prose in front and unquoted keys.
  if (fault === 'malformed_json')
    return { content: `Here are your ideas: ${json.replace(/"(\w+)":/g, '$1:')}`, finishReason: 'stop' };
  return { content: json, finishReason: 'stop' };
}

export function completionBody(request: ChatRequest, answer: ChatAnswer) {
  const promptTokens =
    request.messages.reduce((sum, message) => sum + estimateTokens(message.content) + 4, 0) +
    (request.schema ? estimateTokens(JSON.stringify(request.schema)) : 0);
  const completionTokens = estimateTokens(answer.content);
  return {
    id: `chatcmpl-offline-${hashText(JSON.stringify(request.messages) + answer.content).toString(16)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: OFFLINE_MODEL_NAME,
    system_fingerprint: 'offline',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: answer.content, refusal: null },
        logprobs: null,
        finish_reason: answer.finishReason,
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

/** Muse's `feedback` template asks for brand suggestions under this schema name. */
function isFeedbackRequest(request: ChatRequest): boolean {
  return request.schemaName === 'brand_feedback';
}

function isReelRequest(request: ChatRequest): boolean {
  return /reel/i.test(request.schemaName ?? '') || JSON.stringify(request.schema ?? {}).includes('"beats"');
}

/** Roughly four characters a token, as for English text with OpenAI's tokenizers. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function messageText(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  const parts = content.map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : null));
  return parts.every((part) => part !== null) ? parts.join('\n') : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
