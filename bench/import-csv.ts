import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Random } from './random';

/*
 * A HIS export for the import benchmark: one row per visit, Chinese headers, patients' details
 * repeated on each of their visits, in check-in order over the two years before `now`, as a
 * Chinese outpatient system writes it (UTF-8 with BOM, CRLF). Seeded: every run writes the same file.
 */
export const IMPORT_CSV_HEADER = ['门诊号', '患者姓名', '联系电话', '性别', '出生日期', '挂号流水号', '就诊科室', '接诊医生', '签到时间', '叫号时间', '离院时间', '预约复诊日期', '总费用'];

/** The departments every install starts with (the initial migration), by their Chinese name. */
const DEPARTMENTS = ['内科', '外科', '儿科', '妇产科', '骨科', '眼科', '口腔科', '康复科'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉建国晨宇浩然子涵欣怡梓萱';
const DAY = 86_400_000;
const MINUTE = 60_000;
/** Asia/Shanghai, the default hospital zone, has no summer time. */
const OFFSET = 8 * 3_600_000;

interface Patient {
  number: string;
  name: string;
  phone: string;
  gender: string;
  birthDate: string;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');
/** `2024-03-01 08:05:00` on the Shanghai wall clock. */
const wall = (ms: number) => new Date(ms + OFFSET).toISOString().slice(0, 19).replace('T', ' ');
const day = (ms: number) => new Date(ms + OFFSET).toISOString().slice(0, 10);

function patients(count: number, random: Random): Patient[] {
  return Array.from({ length: count }, (_, i) => ({
    number: `MZ${pad(i + 1, 8)}`,
    name: random.pick([...SURNAMES]) + random.pick([...GIVEN]) + (random.chance(0.6) ? random.pick([...GIVEN]) : ''),
    phone: random.chance(0.05) ? '' : `1${random.pick(['3', '5', '7', '8', '9'])}${pad(random.int(0, 999_999_999), 9)}`,
    gender: random.chance(0.52) ? '女' : '男',
    birthDate: `${random.int(1935, 2023)}/${random.int(1, 12)}/${random.int(1, 28)}`,
  }));
}

/** Writes `encounters` visits of `encounters / 5` patients to `file`. */
export async function writeImportCsv(file: string, encounters: number, now = Date.now()): Promise<{ patients: number; bytes: number }> {
  const random = new Random(20261130);
  const people = patients(Math.max(1, Math.round(encounters / 5)), random);
  const out = createWriteStream(file);
  const start = Math.floor((now - 730 * DAY) / DAY) * DAY - OFFSET;
  const step = (now - DAY - start) / encounters;
  let bytes = 0;
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('\ufeff' + IMPORT_CSV_HEADER.join(',') + '\r\n');
  for (let i = 0; i < encounters; i++) {
    const patient = people[random.int(0, people.length - 1)];
    // Visits spread over two years in order; each lands between 07:30 and 17:00 of its day.
    const dayStart = Math.floor((start + i * step + OFFSET) / DAY) * DAY - OFFSET;
    const checkedIn = dayStart + 450 * MINUTE + random.int(0, 570) * MINUTE + random.int(0, 59) * 1000;
    const called = random.chance(0.9) ? checkedIn + Math.round(random.logNormal(18, 0.6) * MINUTE) : null;
    const finished = called !== null && random.chance(0.95) ? called + random.int(4, 40) * MINUTE : null;
    const due = finished !== null && random.chance(0.3) ? day(finished + random.int(7, 90) * DAY) : '';
    const charge = random.chance(0.85) ? (Math.round(random.logNormal(150, 0.8) * 100) / 100).toFixed(2) : '';
    await write(
      [
        patient.number,
        patient.name,
        patient.phone,
        patient.gender,
        patient.birthDate,
        `GH${pad(i + 1, 9)}`,
        random.pick(DEPARTMENTS),
        `${random.pick([...SURNAMES])}医生`,
        wall(checkedIn),
        called === null ? '' : wall(called),
        finished === null ? '' : wall(finished),
        due,
        charge,
      ].join(',') + '\r\n',
    );
  }
  out.end();
  await once(out, 'finish');
  return { patients: people.length, bytes };
}
