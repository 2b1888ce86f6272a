import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { OrderState } from '../../../../shared/domain/order-state';

export const ORDER_STATE_COLORS: Record<OrderState, string> = {
  draft: 'default',
  confirmed: 'blue',
  partly_shipped: 'cyan',
  shipped: 'geekblue',
  completed: 'green',
  on_hold: 'orange',
  cancelled: 'red',
};

export function OrderStateTag(props: { state: OrderState; t: TFunction }) {
  return <Tag color={ORDER_STATE_COLORS[props.state]}>{props.t(`state.${props.state}`)}</Tag>;
}
