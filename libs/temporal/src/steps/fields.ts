import { z } from 'zod';
import type { Label } from './step-definition';

/**
 * Field builders for step payloads. Every field carries its Chinese title (`title`) and English
 * title (`x-title-en`) into the published JSON Schema, and rendering hints (`x-widget`) the console
 * uses; constraints are zod checks, so they are both validated and published.
 */

type Titles = readonly [zh: string, en: string];

const meta = (titles: Titles, extra: Record<string, unknown> = {}) => ({
  title: titles[0],
  'x-title-en': titles[1],
  ...extra,
});

/** Not only whitespace: published as `pattern: "\S"`. */
const NOT_BLANK = /\S/;

export const label = (zh: string, en: string): Label => ({ zh, en });

/** A short text (one line). */
export const text = (titles: Titles, max = 2000) => z.string().min(1).max(max).regex(NOT_BLANK).meta(meta(titles));

/** A long text (findings, minutes, opinions): a multi-line field in the console. */
export const longText = (titles: Titles, max = 20_000) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(NOT_BLANK)
    .meta(meta(titles, { 'x-widget': 'textarea' }));

/** A China local date, YYYY-MM-DD. */
export const localDate = (titles: Titles) => z.iso.date().meta(meta(titles));

/** An instant with its offset (ISO 8601), e.g. 2026-03-02T10:00:00+08:00. */
export const instant = (titles: Titles) => z.iso.datetime({ offset: true }).meta(meta(titles));

/** A department, by id (a joint inspection's partner). */
export const department = (titles: Titles) => z.guid().meta(meta(titles, { 'x-widget': 'department' }));

/** A user of the directory, chosen in the console from the people who may take the role. */
export const user = (titles: Titles) => z.guid().meta(meta(titles, { 'x-widget': 'user' }));

export const users = (titles: Titles, bounds: { min: number; max: number }) =>
  z
    .array(z.guid())
    .min(bounds.min)
    .max(bounds.max)
    .meta(meta(titles, { 'x-widget': 'users' }));

/** Evidence of the task's own case (the API rejects ids of other cases' attachments). */
export const attachments = (titles: Titles = ['附件', 'Attachments'], max = 50) =>
  z
    .array(z.guid())
    .max(max)
    .meta(meta(titles, { 'x-widget': 'attachments' }));

/** An amount in yuan with at most two decimals (fen). */
export const money = (titles: Titles, max = 1_000_000_000_000) =>
  z
    .number()
    .min(0)
    .max(max)
    .multipleOf(0.01)
    .meta(meta(titles, { 'x-widget': 'money' }));

export const integer = (titles: Titles, bounds: { min: number; max: number }) =>
  z.int().min(bounds.min).max(bounds.max).meta(meta(titles));

export const flag = (titles: Titles) => z.boolean().meta(meta(titles));

/** One of a fixed set of codes, each with its labels (published as `enum` plus `oneOf` of `const` + titles). */
export function choice<const Code extends string>(titles: Titles, options: Readonly<Record<Code, Titles>>) {
  const codes = Object.keys(options) as [Code, ...Code[]];
  return z.enum(codes).meta(
    meta(titles, {
      oneOf: codes.map((code) => ({ const: code, title: options[code][0], 'x-title-en': options[code][1] })),
    }),
  );
}

/** A list of one element type (objects may nest further lists). */
export const list = <Item extends z.ZodType>(titles: Titles, item: Item, bounds: { min: number; max: number }) =>
  z.array(item).min(bounds.min).max(bounds.max).meta(meta(titles));

/** A payload or a nested object: unknown fields are rejected, never silently dropped. */
export const form = <Shape extends z.ZodRawShape>(shape: Shape) => z.strictObject(shape);

/** A nested object field (a group of fields shown together), with its titles. */
export const section = <Shape extends z.ZodRawShape>(titles: Titles, shape: Shape) =>
  z.strictObject(shape).meta(meta(titles));

/** The payload of an outcome that carries an optional opinion and the documents it rests on. */
export const commentOnly = () =>
  form({
    comment: text(['意见', 'Comment'], 2000).optional(),
    attachmentIds: attachments(['依据材料', 'Supporting documents']).optional(),
  });
