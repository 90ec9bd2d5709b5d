/** Words of orders waiting to ship (pre-sale, backorder) and of stock-out tags (service-standards.md §12), in both languages. */
export const STOCK_MESSAGES = {
  'wait.label': { zh: '等待发货', en: 'Waiting to ship' },
  'wait.presale': { zh: '预售:{date} 起按下单先后发货', en: 'Pre-sale: ships from {date}, in order of placement' },
  'wait.backorder': { zh: '缺货:{skus} 到货后发货', en: 'Backorder: ships when {skus} arrives' },
  'wait.noDeadline': { zh: '等待期间不计时', en: 'No deadline while waiting' },
  'stock.outTag': { zh: '缺货', en: 'Out of stock' },
  'stock.outTagHint': { zh: '该订单的商品已断货,需安抚客户', en: 'An item of this order ran out: reassure the customer' },
  'stock.openOrders': { zh: '需安抚的订单', en: 'Orders to reassure' },
  'stock.noOpenOrders': { zh: '断货时没有该商品的未完成订单', en: 'No open order had this SKU when it ran out' },
  'stock.placedUnits': { zh: '下单 {at},{units} 件', en: 'placed {at}, {units} unit(s)' },
  'queue.filterStockOut': { zh: '只看缺货订单', en: 'Out-of-stock orders only' },
  'queue.filterWaiting': { zh: '只看等待发货', en: 'Waiting orders only' },
} as const;
