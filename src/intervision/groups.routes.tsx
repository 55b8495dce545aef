import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { requireUser } from '../auth/middleware';
import { parseId } from '../lib/forms';
import { notFound, page, redirectWithFlash, type Ctx } from '../lib/render';
import type { AppEnv } from '../types';
import type { FormState } from '../../views/partials/form';
import { GroupPage } from '../../views/pages/intervision/meetings';
import {
  getGroup,
  getMember,
  getVisibleGroup,
  groupWaitPosition,
  joinGroup,
  leaveGroup,
  listGroupMeetings,
  listGroupMembers,
  groupMemberById,
  removeMember,
  roomInGroup,
} from './groups';
import { baseUrl, orgIdsOf } from './context';
import { isManager } from './meetings';

/** /groups: a closed group's page, joining and leaving it. */
export const groupsRoutes = new Hono<AppEnv>();

groupsRoutes.use('*', requireUser);

function groupPage(c: Ctx, groupId: number, state: FormState = {}, status: ContentfulStatusCode = 200) {
  const { db } = c.get('deps');
  const user = c.get('user')!;
  const group = getVisibleGroup(db, groupId, orgIdsOf(c)) ?? getGroup(db, groupId);
  if (!group) return notFound(c);
  const manager = isManager(group, user.id, c.get('memberships'));
  const visible = manager || getVisibleGroup(db, groupId, orgIdsOf(c));
  if (!visible) return notFound(c);
  const member = getMember(db, groupId, user.id);
  const insider = manager || member?.status === 'registered';
  // The organisation one would join as (the first of one's own that sees the group), for "full or not".
  const joinAs = c.get('memberships').find((m) => getVisibleGroup(db, groupId, [m.orgId]));
  return page(
    c,
    c.get('t').intervision.group.title(group.title),
    <GroupPage
      t={c.get('t')}
      locale={c.get('locale')}
      group={group}
      meetings={listGroupMeetings(db, groupId)}
      memberStatus={member?.status ?? null}
      position={groupWaitPosition(db, member)}
      members={insider ? listGroupMembers(db, groupId) : null}
      canJoin={c.get('memberships').length > 0}
      room={group.closed && joinAs ? roomInGroup(db, group, joinAs.orgId) : null}
      manager={manager}
      state={state}
    />,
    status,
  );
}

groupsRoutes.get('/:id', (c) => {
  const id = parseId(c.req.param('id'));
  return id ? groupPage(c, id) : notFound(c);
});

groupsRoutes.post('/:id/join', (c) => {
  const { db, now } = c.get('deps');
  const t = c.get('t').intervision.group;
  const id = parseId(c.req.param('id'));
  if (!id) return notFound(c);
  const ms = c.get('memberships');
  const org = ms.find((m) => getVisibleGroup(db, id, [m.orgId]));
  if (!org) return notFound(c);
  const result = joinGroup(db, id, c.get('user')!.id, org.orgId, now());
  if (!result.ok) {
    if (result.reason === 'not-found') return notFound(c);
    const reason = result.reason === 'already' ? t.already : result.reason === 'removed' ? t.removedYou : t.openGroup;
    return groupPage(c, id, { errors: { _form: reason } }, 409);
  }
  const pos = groupWaitPosition(db, getMember(db, id, c.get('user')!.id));
  return redirectWithFlash(c, `/groups/${id}`, result.status === 'registered' ? t.joined : t.waitlisted(pos ?? 1));
});

groupsRoutes.post('/:id/leave', (c) => {
  const { db, now } = c.get('deps');
  const id = parseId(c.req.param('id'));
  if (!id) return notFound(c);
  const ok = leaveGroup(db, id, c.get('user')!.id, now(), baseUrl(c));
  if (!ok) return notFound(c);
  return redirectWithFlash(c, `/groups/${id}`, c.get('t').intervision.group.left);
});

/** The facilitator (or an org admin of the organising organisation) takes someone out of a closed group. */
groupsRoutes.post('/:id/members/:memberId/remove', (c) => {
  const { db, now } = c.get('deps');
  const id = parseId(c.req.param('id'));
  const memberId = parseId(c.req.param('memberId'));
  const group = id ? getGroup(db, id) : undefined;
  if (!group || !memberId || !group.closed || !isManager(group, c.get('user')!.id, c.get('memberships'))) return notFound(c);
  const who = groupMemberById(db, group.id, memberId);
  if (!who) return notFound(c);
  const t = c.get('t').intervision.group;
  if (!removeMember(db, group.id, who.userId, now(), baseUrl(c))) return redirectWithFlash(c, `/groups/${group.id}`, t.alreadyOff(who.name));
  return redirectWithFlash(c, `/groups/${group.id}`, t.removed(who.name));
});
