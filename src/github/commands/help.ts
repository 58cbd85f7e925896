/** `/kms help`, and the answers to an unknown verb or malformed arguments. */
import { errorReply, helpReply, unknownVerbReply } from '../../report/command-replies.js';
import type { Answer } from './context.js';

export const help = (): Answer => ({ ok: true, body: helpReply() });
export const unknownVerb = (verb: string, suggestions: readonly string[]): Answer => ({ ok: false, body: unknownVerbReply(verb, suggestions) });
export const malformed = (line: string, message: string): Answer => ({ ok: false, body: errorReply(line, message) });
