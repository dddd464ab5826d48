/** The profile page's pure parts. */
import type { User } from '#shared/model.ts';
import { t } from '../lib/strings.ts';

/** The person's roles in words, employee first, departments in order. */
export function roleWords(user: Pick<User, 'memberships' | 'admin'>): string[] {
  const words = [t.profile.employee];
  for (const [code, role] of Object.entries(user.memberships).sort(([a], [b]) => a.localeCompare(b))) {
    words.push(role === 'head' ? t.profile.headOf(code) : t.profile.agentOf(code));
  }
  if (user.admin) words.push(t.profile.admin);
  return words;
}
