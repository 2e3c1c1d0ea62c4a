import { hashPassword } from '@/lib/auth/passwords';

// Prints an argon2id hash for the console's configuration file:
//   npm run -s hash-password -- 'a long passphrase'
// With no argument the password is read from standard input, so it stays out of shell history.

async function main() {
  const given = process.argv[2] ?? (await readStdin()).replace(/\r?\n$/, '');
  if (!given) {
    console.error('Usage: npm run -s hash-password -- <password>   (or pipe the password on standard input)');
    process.exit(2);
  }
  console.log(await hashPassword(given));
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

void main();
