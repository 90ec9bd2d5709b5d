/** True on a phone-width screen (below antd's `md`, 768 px): pages draw cards instead of wide tables there. */
import { Grid } from 'antd';

export function useNarrow(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
