// Who is annotating, when nobody said: git's user.name (what reviewers already sign commits
// with), else the OS account name.
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';

export function defaultAuthor(cwd: string = process.cwd()): string {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { cwd, timeout: 3000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (name) return name;
  } catch {
    // No git, or no user.name configured: fall through.
  }
  try {
    const name = userInfo().username;
    if (name) return name;
  } catch {
    // Some containers have no passwd entry for the uid.
  }
  return process.env.USER || process.env.USERNAME || 'unknown';
}
