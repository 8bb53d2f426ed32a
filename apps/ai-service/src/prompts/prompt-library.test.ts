import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { buildFeedbackContext } from '../feedback/feedback-context.ts';
import { makeFeedbackRequest, parsedRequest } from '../test-support/factories.ts';
import { buildPromptContext, buildTaskContext } from './context-builder.ts';
import { PromptLibrary } from './prompt-library.ts';

const PROMPTS_DIR = path.resolve(import.meta.dirname, '../../prompts');
const DEFAULTS = { system: 'v1', post: 'v1', reel: 'v1', feedback: 'v1' };
const library = PromptLibrary.load(PROMPTS_DIR, DEFAULTS);

/** What the demo brand's client approved and turned down lately, as the API sends it. */
const CLIENT_HISTORY = {
  examples: [
    {
      type: 'POST' as const,
      platform: 'INSTAGRAM' as const,
      title: 'Meet the oat farmer',
      hook: 'Our oats come from Ana’s farm, 40 miles up the road.',
      caption: 'Our oats come from Ana’s farm, 40 miles up the road. She rolls them the week we pour them.',
      callToAction: 'Taste it on your way in.',
      unchanged: true,
    },
    {
      type: 'POST' as const,
      platform: 'X' as const,
      title: 'The five-minute pause',
      hook: 'Five minutes. One oat latte. The train can wait.',
      caption: 'Five minutes. One oat latte. The train can wait.',
      callToAction: 'Find your nearest café.',
      unchanged: false,
    },
    {
      type: 'REEL' as const,
      platform: 'YOUTUBE' as const,
      title: 'Pouring the first cup',
      hook: 'The first pour of the morning, in slow motion.',
      caption: 'Six o’clock, before the doors open.',
      callToAction: 'Come in for the second one.',
      unchanged: true,
    },
  ],
  turnedDown: [
    { title: 'Two-for-one Tuesdays', reason: 'We don’t do discounts; it cheapens the coffee.' },
    { title: 'Barista bloopers', reason: null },
  ],
};

/** A fixed context that exercises every branch: tone override, do/don't lists, titles to avoid, feedback, the client's history. */
function fixedContexts() {
  const request = parsedRequest({ platforms: ['INSTAGRAM', 'X', 'YOUTUBE'], ...CLIENT_HISTORY });
  request.campaign.toneOverride = 'Brisk and upbeat for launch week';
  const base = buildPromptContext(request);
  const task = buildTaskContext(
    base,
    [
      { number: 1, platform: 'INSTAGRAM' },
      { number: 2, platform: 'X' },
      { number: 3, platform: 'YOUTUBE' },
      { number: 4, platform: 'INSTAGRAM' },
    ],
    {
      acceptedTitles: ['Oat latte, explained in one sip'],
      feedback: ['Idea 2 (X): The caption and hashtags run to 312 characters; X allows 280.'],
    },
  );
  return { base, task };
}

function minimalContext() {
  const request = parsedRequest({ instructions: null, avoidTitles: [] });
  Object.assign(request.brand, { industry: null, website: null, brandVoice: null, targetAudience: null });
  Object.assign(request.brand, { toneKeywords: [], doList: [], dontList: [], defaultHashtags: [] });
  Object.assign(request.campaign, {
    objective: null,
    brief: '',
    keyMessages: [],
    themes: [],
    startDate: null,
    endDate: null,
  });
  return buildPromptContext(request);
}

describe('prompt templates', () => {
  const versions = library
    .list()
    .templates.flatMap(({ name, versions }) => versions.map(({ version }) => ({ name, version })));

  it.each(versions)(
    'when $name/$version is rendered with the fixed context, then the text matches its snapshot',
    async ({ name, version }) => {
      const { base, task } = fixedContexts();
      const context = {
        system: base,
        post: task,
        reel: task,
        feedback: buildFeedbackContext(makeFeedbackRequest()),
      };
      const text = library.render(name, version, context[name]);
      await expect(text).toMatchFileSnapshot(`__snapshots__/${name}-${version}.txt`);
    },
  );

  it('when the system prompt is rendered for a bare brand and campaign, then the empty sections are left out', async () => {
    const text = library.render('system', 'v1', minimalContext());
    expect(text).not.toMatch(/Industry:|Voice:|Tone:|Key messages:|Themes:|Never use|Notes from the agency/);
    await expect(text).toMatchFileSnapshot('__snapshots__/system-v1-minimal.txt');
  });

  it('when the post prompt is rendered, then it asks for every post field and lists each slot', () => {
    const text = library.render('post', 'v1', fixedContexts().task);
    for (const field of ['title:', 'hook:', 'caption:', 'hashtags:', 'callToAction:', 'visualDirection:']) {
      expect(text).toContain(`- ${field}`);
    }
    expect(text).toContain('Idea 2 — platform: X');
    expect(text).toContain('fit in 280 characters');
    expect(text).toContain('- Oat latte, explained in one sip');
  });

  it('when the reel prompt is rendered, then it asks for a timed beat-by-beat script within the platform limits', () => {
    const text = library.render('reel', 'v1', fixedContexts().task);
    for (const field of [
      'durationSec:',
      'beats:',
      'startSec:',
      'shot:',
      'voiceover:',
      'onScreenText:',
      'audioSuggestion:',
    ]) {
      expect(text).toContain(field);
    }
    expect(text).toContain('5–180 seconds long');
  });

  it('when post/v2 and reel/v2 are rendered, then each shows its own type of examples, unchanged approvals marked, and what the client turned down', () => {
    const { task } = fixedContexts();
    const post = library.render('post', 'v2', task);
    expect(post).toContain(
      'Approved post (as first written, without changes) — Instagram\nTitle: Meet the oat farmer',
    );
    expect(post).toContain('Approved post — X\nTitle: The five-minute pause');
    expect(post).not.toContain('Pouring the first cup');
    expect(post).toContain(
      '- Two-for-one Tuesdays — the client said: We don’t do discounts; it cheapens the coffee.\n- Barista bloopers\n',
    );
    const reel = library.render('reel', 'v2', task);
    expect(reel).toContain(
      'Approved reel (as first written, without changes) — YouTube\nTitle: Pouring the first cup',
    );
    expect(reel).not.toContain('Meet the oat farmer');
  });

  it('when the brand keeps captions short on a platform, then post/v2 and reel/v2 say so for that platform only', () => {
    const request = parsedRequest({ platforms: ['INSTAGRAM', 'X'] });
    request.brand.captionMaxChars = { INSTAGRAM: 180 };
    const task = buildTaskContext(
      buildPromptContext(request),
      [
        { number: 1, platform: 'INSTAGRAM' },
        { number: 2, platform: 'X' },
      ],
      { acceptedTitles: [], feedback: [] },
    );
    for (const name of ['post', 'reel'] as const) {
      const v2 = library.render(name, 'v2', task);
      expect(v2).toContain('Caption length for INSTAGRAM: at most 180 characters, hashtags not counted.');
      expect(v2).not.toContain('Caption length for X');
      expect(library.render(name, 'v1', task)).not.toContain('Caption length for');
    }
  });

  it('when the feedback template is rendered, then every idea, comment and pattern is there by its ref', () => {
    const text = library.render('feedback', 'v1', buildFeedbackContext(makeFeedbackRequest()));
    expect(text).toContain('## I2 — INSTAGRAM post — changes_requested');
    expect(text).toContain('Answered hashtags: #Barista');
    expect(text).toContain('Draft call to action: Grab one\nThe client answered the draft as written.');
    expect(text).toContain('- C2 on I2 (change request): Cheap is not us. Shorter please.');
    expect(text).toContain(
      '- S1: never_use "cheap" — platform: none — limit: none — seen 4 times — ideas: I1, I2 — comments: C1, C2',
    );
    expect(text).toContain('Caption lengths:\n- X: 200 characters');
  });

  it('when the client has no history, then v2 renders as v1 does', () => {
    const request = parsedRequest({ platforms: ['INSTAGRAM'] });
    const task = buildTaskContext(buildPromptContext(request), [{ number: 1, platform: 'INSTAGRAM' }], {
      acceptedTitles: [],
      feedback: [],
    });
    for (const name of ['post', 'reel'] as const) {
      expect(library.render(name, 'v2', task)).toBe(library.render(name, 'v1', task));
    }
  });

  it('when the context lacks a value a template uses, then rendering throws instead of writing "undefined"', () => {
    const { task } = fixedContexts();
    expect(() =>
      library.render('post', 'v1', { ...task, campaign: { ...task.campaign, name: undefined } }),
    ).toThrow();
  });

  it('when templates are listed, then each shows its versions, the default flagged, with its output schema', () => {
    expect(library.list().templates).toEqual([
      {
        name: 'system',
        defaultVersion: 'v1',
        versions: [expect.objectContaining({ id: 'system/v1', isDefault: true, outputSchema: null })],
      },
      {
        name: 'post',
        defaultVersion: 'v1',
        versions: [
          expect.objectContaining({ id: 'post/v1', isDefault: true, outputSchema: 'PostIdeaBatch' }),
          expect.objectContaining({ id: 'post/v2', isDefault: false, outputSchema: 'PostIdeaBatch' }),
        ],
      },
      {
        name: 'reel',
        defaultVersion: 'v1',
        versions: [
          expect.objectContaining({ id: 'reel/v1', isDefault: true, outputSchema: 'ReelIdeaBatch' }),
          expect.objectContaining({ id: 'reel/v2', isDefault: false, outputSchema: 'ReelIdeaBatch' }),
        ],
      },
      {
        name: 'feedback',
        defaultVersion: 'v1',
        versions: [
          expect.objectContaining({
            id: 'feedback/v1',
            isDefault: true,
            outputSchema: 'FeedbackProposalBatch',
          }),
        ],
      },
    ]);
  });

  it('when a run asks for a version that does not exist, then it is invalid input naming the template', () => {
    expect(library.resolve({ post: 'v1' })).toEqual(DEFAULTS);
    let caught: unknown;
    try {
      library.resolve({ reel: 'v9' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('invalid_input');
    expect((caught as AppError).details).toEqual([
      {
        location: 'body',
        path: ['templateVersions', 'reel'],
        code: 'unknown_version',
        message: 'There is no version v9 of the reel template.',
      },
    ]);
  });

  it('when the configured default version is missing, then loading fails and says which', () => {
    expect(() => PromptLibrary.load(PROMPTS_DIR, { ...DEFAULTS, post: 'v7' })).toThrow(
      'The default version v7 of the post template does not exist',
    );
  });

  it('when a manifest does not match its file, then loading fails', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'prompts-'));
    cpSync(PROMPTS_DIR, dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'post', 'v1.manifest.json'),
      JSON.stringify({
        id: 'post/v1',
        name: 'post',
        version: 'v1',
        description: 'x',
        outputSchema: 'ReelIdeaBatch',
      }),
    );
    expect(() => PromptLibrary.load(dir, DEFAULTS)).toThrow(/must declare outputSchema PostIdeaBatch/);
  });
});
