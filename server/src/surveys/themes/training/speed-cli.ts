/**
 * npm run bench:themes — how fast tagComment runs in one server process: the one-off start cost
 * (jieba's dictionary, the English model), the time per comment, and re-tagging 200,000 comments
 * (real English comments from the NHS file and Chinese patient comments, alternating).
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { tagComment } from '../tag-comment';
import { DEFAULT_FEEDBACK_FILE, readFeedbackFile } from './fft-dataset';
import { CHINESE_COMMENTS } from './sample-chinese-comments';

const RETAG_COUNT = Number(process.env['RETAG_COUNT'] ?? 200_000);

function main(): void {
  const english = readFeedbackFile(DEFAULT_FEEDBACK_FILE).map((row) => row.text);
  const comments = english.flatMap((text, i) => [text, CHINESE_COMMENTS[i % CHINESE_COMMENTS.length]]);

  let started = performance.now();
  tagComment(CHINESE_COMMENTS[0]);
  tagComment(english[0]);
  console.log(`start (jieba dictionary + English model, once per process): ${(performance.now() - started).toFixed(0)} ms`);

  started = performance.now();
  const cpuBefore = process.cpuUsage();
  let themes = 0;
  for (let i = 0; i < RETAG_COUNT; i++) themes += tagComment(comments[i % comments.length]).themes.length;
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(`re-tag ${RETAG_COUNT} comments (${comments.length} distinct, half Chinese): ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU (${((cpuSeconds * 1e6) / RETAG_COUNT).toFixed(0)} µs CPU each; wall time grows with the machine's load), ${themes} themes found`);
  const single = comments.slice(0, 5000).map((text) => {
    const t0 = performance.now();
    tagComment(text);
    return performance.now() - t0;
  });
  single.sort((a, b) => a - b);
  const at = (q: number) => single[Math.min(single.length - 1, Math.floor(q * single.length))].toFixed(3);
  console.log(`one comment (${single.length} timed one by one, after the re-tag warmed the JIT): median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);

  console.log(`load average: ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`);
}

main();
