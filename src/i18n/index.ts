/** Picks the UI language: English when Office's display language is English, Chinese otherwise. */
import { en } from './en';
import { zh, type Strings } from './zh';

export type { Strings, HostStrings } from './zh';
export { zh, en };

export function stringsFor(displayLanguage: string | undefined): Strings {
  return displayLanguage?.toLowerCase().startsWith('en') ? en : zh;
}
