import type { accountLinksContract } from '../../../shared/contract/account-links';
import type { followupsContract } from '../../../shared/contract/followups';
import type { viewsContract } from '../../../shared/contract/views';
import type { Handlers } from '../../../shared/rpc/types';
import type { CallContext } from '../core';
import type { Runtime } from '../runtime';
import { listTags, resolveAccountRefs, setAccountFollowers, setAccountTags } from '../services/account-links';
import { addFollowup, completeFollowup, dueFollowups, listFollowups } from '../services/followups';
import { deleteView, listViews, saveView } from '../services/views';

/** The account's satellites: follow-ups, tags, co-followers, and the grids' saved views. */
export function followupsHandlers({ core }: Runtime): Handlers<typeof followupsContract & typeof accountLinksContract & typeof viewsContract, CallContext> {
  return {
    'followups.add': (input, ctx) => addFollowup(core, ctx.actor, input),
    'followups.list': ({ accountId, limit }) => listFollowups(core, accountId, limit),
    'followups.due': (input) => dueFollowups(core, input),
    'followups.complete': (input, ctx) => completeFollowup(core, ctx.actor, input),
    'accounts.resolve': ({ refs }) => resolveAccountRefs(core, refs),
    'accounts.setTags': (input, ctx) => setAccountTags(core, ctx.actor, input),
    'accounts.setFollowers': (input, ctx) => setAccountFollowers(core, ctx.actor, input),
    'tags.list': () => listTags(core),
    'views.list': ({ grid }, ctx) => listViews(core, ctx, grid),
    'views.save': (input, ctx) => saveView(core, ctx, input),
    'views.delete': ({ id }, ctx) => deleteView(core, ctx, id),
  };
}
