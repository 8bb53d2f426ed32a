import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  PROMPT_OUTPUT_SCHEMAS,
  type PromptTemplateListing,
  TemplateName,
  TemplateVersion,
  type TemplateVersionSelection,
  type ValidationIssue,
} from '@muse/contracts';
import nunjucks from 'nunjucks';
import { z } from 'zod';
import { AppError } from '../errors.ts';

const OutputSchemaName = z.enum(Object.keys(PROMPT_OUTPUT_SCHEMAS) as [keyof typeof PROMPT_OUTPUT_SCHEMAS]);

/** `prompts/<name>/<version>.manifest.json`, next to the template it describes. */
export const PromptManifest = z.strictObject({
  id: z.string(),
  name: TemplateName,
  version: TemplateVersion,
  description: z.string().min(1),
  outputSchema: OutputSchemaName.nullable(),
});
export type PromptManifest = z.infer<typeof PromptManifest>;

export type TemplateVersions = Record<TemplateName, TemplateVersion>;

/** The output each template must ask for, whatever its version: the code that reads the answers relies on it. */
const OUTPUT_SCHEMA_OF: Record<TemplateName, z.infer<typeof OutputSchemaName> | null> = {
  system: null,
  post: 'PostIdeaBatch',
  reel: 'ReelIdeaBatch',
  feedback: 'FeedbackProposalBatch',
};

interface LoadedTemplate {
  manifest: PromptManifest;
  template: nunjucks.Template;
}

/** The versioned prompt templates, loaded and compiled once at start-up. */
export class PromptLibrary {
  private readonly templates: Map<string, LoadedTemplate>;
  readonly defaults: Readonly<TemplateVersions>;

  private constructor(templates: Map<string, LoadedTemplate>, defaults: Readonly<TemplateVersions>) {
    this.templates = templates;
    this.defaults = defaults;
  }

  /** Throws when a manifest is malformed, a template does not compile, or a default version is missing. */
  static load(promptsDir: string, defaults: TemplateVersions): PromptLibrary {
    const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(promptsDir), {
      autoescape: false,
      throwOnUndefined: true,
      trimBlocks: true,
      lstripBlocks: true,
    });
    const templates = new Map<string, LoadedTemplate>();
    for (const name of TemplateName.options) {
      for (const file of readdirSync(path.join(promptsDir, name)).filter((f) =>
        f.endsWith('.manifest.json'),
      )) {
        const manifestPath = path.join(promptsDir, name, file);
        const parsed = PromptManifest.safeParse(JSON.parse(readFileSync(manifestPath, 'utf8')));
        if (!parsed.success) throw new Error(`${manifestPath}: ${z.prettifyError(parsed.error)}`);
        const manifest = parsed.data;
        const id = `${name}/${file.replace('.manifest.json', '')}`;
        if (manifest.id !== id || manifest.name !== name || `${manifest.name}/${manifest.version}` !== id) {
          throw new Error(`${manifestPath}: id, name and version must match the file's place (${id})`);
        }
        if (manifest.outputSchema !== OUTPUT_SCHEMA_OF[name]) {
          throw new Error(
            `${manifestPath}: a ${name} template must declare outputSchema ${OUTPUT_SCHEMA_OF[name]}`,
          );
        }
        templates.set(id, { manifest, template: environment.getTemplate(`${id}.njk`, true) });
      }
    }
    for (const name of TemplateName.options) {
      if (!templates.has(`${name}/${defaults[name]}`)) {
        throw new Error(`The default version ${defaults[name]} of the ${name} template does not exist`);
      }
    }
    return new PromptLibrary(templates, Object.freeze({ ...defaults }));
  }

  /** The versions a run uses: the caller's choice where given, the defaults elsewhere. */
  resolve(selection: TemplateVersionSelection = {}): TemplateVersions {
    const versions = { ...this.defaults, ...selection } as TemplateVersions;
    const unknown = TemplateName.options.filter((name) => !this.templates.has(`${name}/${versions[name]}`));
    if (unknown.length > 0) {
      throw new AppError('invalid_input', 'Unknown template version.', {
        details: unknown.map(
          (name): ValidationIssue => ({
            location: 'body',
            path: ['templateVersions', name],
            code: 'unknown_version',
            message: `There is no version ${versions[name]} of the ${name} template.`,
          }),
        ),
      });
    }
    return versions;
  }

  /** The version of one template a request asked for, else its default; 400 for one that does not exist. */
  versionOf(name: TemplateName, requested: TemplateVersion | undefined): TemplateVersion {
    const version = requested ?? this.defaults[name];
    if (this.templates.has(`${name}/${version}`)) return version;
    throw new AppError('invalid_input', 'Unknown template version.', {
      details: [
        {
          location: 'body',
          path: ['templateVersion'],
          code: 'unknown_version',
          message: `There is no version ${version} of the ${name} template.`,
        } satisfies ValidationIssue,
      ],
    });
  }

  manifest(name: TemplateName, version: TemplateVersion): PromptManifest {
    return this.get(name, version).manifest;
  }

  render(name: TemplateName, version: TemplateVersion, context: object): string {
    return this.get(name, version).template.render(context).trim();
  }

  list(): PromptTemplateListing {
    return {
      templates: TemplateName.options.map((name) => ({
        name,
        defaultVersion: this.defaults[name],
        versions: [...this.templates.values()]
          .filter(({ manifest }) => manifest.name === name)
          .sort((a, b) => versionNumber(a.manifest.version) - versionNumber(b.manifest.version))
          .map(({ manifest }) => ({
            id: manifest.id,
            version: manifest.version,
            description: manifest.description,
            outputSchema: manifest.outputSchema,
            isDefault: manifest.version === this.defaults[name],
          })),
      })),
    };
  }

  private get(name: TemplateName, version: TemplateVersion): LoadedTemplate {
    const loaded = this.templates.get(`${name}/${version}`);
    if (!loaded) throw new Error(`No template ${name}/${version}`);
    return loaded;
  }
}

function versionNumber(version: string): number {
  return Number(version.slice(1));
}
