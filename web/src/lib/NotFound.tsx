import { DeadEnd } from './blocks.tsx';
import { t } from './strings.ts';

export default function NotFound() {
  const ways = [
    { href: '/', text: t.notFound.home },
    { href: '/orders', text: t.waysBack.myOrders },
  ];
  return <DeadEnd title={t.notFound.title} text={t.notFound.text} ways={ways} />;
}
