import { create } from 'zustand';
import { parseGroupRules, type GroupRule } from '../../../shared/channelGroups';
import type { GroupPreview, GroupsState } from '../../../shared/reportApi';
import { call, errorMessage } from '../api/client';
import { sameRules } from '../groups/ruleEdits';
import { latestOnly, type StillWanted } from './latestOnly';
import { useProjectStore } from './project';
import { resetOnProjectChange } from './projectStores';

/** How long the editor waits after an edit before asking for a preview: one request per pause in typing. */
export const PREVIEW_DELAY_MS = 250;

interface GroupsEditorState {
  /** The project's rules as saved; null until read. */
  saved: GroupRule[] | null;
  /** The rules being edited, sent to the preview on every change and to the project on Save. */
  draft: GroupRule[];
  /** The web-analytics preset (spec 10), applied to the draft only when asked for. */
  preset: GroupRule[];
  /** The project's custom fields of touchpoints, which a condition may test besides the touch fields. */
  customFields: string[];
  loading: boolean;
  saving: boolean;
  /** Why the rules could not be read or saved (the server's words). */
  error: string | null;
  /** What the last preview answered; kept while a newer draft is refused, so the page keeps its figures. */
  preview: GroupPreview | null;
  /** Why the newest draft has no preview (an empty value, an unknown field): the server's words. */
  previewError: string | null;
  previewing: boolean;
  /** Said once the rules are saved, until the next edit. */
  notice: string | null;
  load(): Promise<void>;
  /** Applies an edit (see groups/ruleEdits) to the draft and previews the result. */
  edit(change: (rules: GroupRule[]) => GroupRule[]): void;
  /** Replaces the draft with the preset: still a draft, editable and not saved until Save. */
  applyPreset(): void;
  discard(): void;
  save(): Promise<void>;
  reset(): void;
}

const INITIAL = {
  saved: null,
  draft: [],
  preset: [],
  customFields: [],
  loading: false,
  saving: false,
  error: null,
  preview: null,
  previewError: null,
  previewing: false,
  notice: null,
} satisfies Partial<GroupsEditorState>;

/**
 * Why the server refused `rules`: the boundary's message names the place as a path (`rules.0.conditions.0.value`),
 * so a problem the shared schema finds is said with where it is in the user's words (`rule 1, condition 1 (value)`);
 * any other (a field the project lacks) is the server's own.
 */
function refusal(rules: GroupRule[], error: unknown): string {
  const parsed = parseGroupRules(rules);
  if (!('problem' in parsed)) return errorMessage(error);
  return `${parsed.problem.charAt(0).toUpperCase()}${parsed.problem.slice(1)}.`;
}

/** The Channels tab: the channel-group rules (spec 10) being edited, their live preview, and Save. */
export const useGroupsStore = create<GroupsEditorState>()((set, get) => {
  const previews = latestOnly();
  const reads = latestOnly();
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function sendPreview(rules: GroupRule[], wanted: StillWanted): Promise<void> {
    try {
      const preview = await call('groups:preview', { rules });
      if (wanted()) set({ preview, previewError: null, previewing: false });
    } catch (error) {
      if (wanted()) set({ previewError: refusal(rules, error), previewing: false });
    }
  }

  /** Previews `rules` after a pause; an edit meanwhile, or a newer answer, makes this one's answer unwanted. */
  function schedulePreview(rules: GroupRule[], delay = PREVIEW_DELAY_MS): void {
    clearTimeout(timer);
    const wanted = previews.next();
    set({ previewing: true });
    timer = setTimeout(() => void sendPreview(rules, wanted), delay);
  }

  function show(state: GroupsState): void {
    set({ saved: state.rules, draft: state.rules, preset: state.preset, customFields: state.customFields });
    schedulePreview(state.rules, 0);
  }

  function setDraft(draft: GroupRule[]): void {
    set({ draft, notice: null, error: null });
    schedulePreview(draft);
  }

  return {
    ...INITIAL,
    load: async () => {
      const wanted = reads.next();
      set({ loading: true, error: null });
      try {
        const state = await call('groups:get', {});
        if (!wanted()) return;
        set({ loading: false });
        show(state);
      } catch (error) {
        if (wanted()) set({ loading: false, error: errorMessage(error) });
      }
    },
    edit: (change) => setDraft(change(get().draft)),
    applyPreset: () => setDraft(get().preset),
    discard: () => {
      const { saved } = get();
      if (saved) setDraft(saved);
    },
    save: async () => {
      const { draft } = get();
      const wanted = reads.next();
      set({ saving: true, error: null, notice: null });
      try {
        const state = await call('groups:set', { rules: draft });
        if (!wanted()) return;
        const edited = !sameRules(get().draft, draft);
        // An edit typed while saving stays the draft; the project has what was sent.
        set({ saving: false, notice: 'Saved: every view now reports the groups as channels.' });
        if (edited) set({ saved: state.rules });
        else show(state);
        // New rules change every figure by channel, as an import would: a new summary makes each view ask again.
        await useProjectStore.getState().refreshSummary();
      } catch (error) {
        if (wanted()) set({ saving: false, error: refusal(draft, error) });
      }
    },
    reset: () => {
      clearTimeout(timer);
      previews.dropAll();
      reads.dropAll();
      set(INITIAL);
    },
  };
});
resetOnProjectChange(useGroupsStore);

/** Whether the draft differs from the saved rules, so Save and Discard have something to do. */
export function draftIsEdited(state: Pick<GroupsEditorState, 'saved' | 'draft'>): boolean {
  return state.saved !== null && !sameRules(state.saved, state.draft);
}
