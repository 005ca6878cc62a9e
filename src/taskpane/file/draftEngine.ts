/** The drafting chunk: the district and city-wide feedback drafts (core/feedback). */
import { cityDraft } from '../../core/feedback/city';
import { districtDraft } from '../../core/feedback/district';
import type { DraftEngine } from './types';

export const draftEngine: DraftEngine = { districtDraft, cityDraft };
