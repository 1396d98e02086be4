import Database from 'better-sqlite3';
import { IndicatorSql } from '../indicator-sql';
import { round1 } from '../indicator-scope';
import { completionKeySql } from './callback-rollup';

describe('completionKeySql', () => {
  it('reports every completion time as its minutes do (hours with one decimal), keys in the same order', () => {
    const db = new Database(':memory:');
    const sql = new IndicatorSql(null, 480, 'Asia/Shanghai', false);
    const due = Date.UTC(2026, 2, 10, 1, 0, 0);
    const text = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
    const keyOf = db.prepare(`SELECT ${completionKeySql(sql)} AS k FROM (SELECT ? AS due_at, ? AS completed_at) c`);
    let previousKey = -Infinity;
    for (let minutes = -1000; minutes <= 2500; minutes++) {
      // Seconds past the whole minute too: the minutes are truncated, as the follow-up query counts them.
      const seconds = minutes * 60 + (minutes % 7 === 0 ? 59 * Math.sign(minutes) : 0);
      const { k } = keyOf.get(text(due), text(due + seconds * 1000)) as { k: number };
      // + 0: -0 and 0 are one figure in JSON.
      expect([minutes, round1(k / 60) + 0]).toEqual([minutes, round1(Math.trunc(seconds / 60) / 60) + 0]);
      expect(k).toBeGreaterThanOrEqual(previousKey);
      previousKey = k;
    }
    db.close();
  });
});
