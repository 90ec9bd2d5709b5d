/** The console's words for scorecards (考核) and quality checks (质检) (issue 23), in both languages. */
import type { ScoreComponent } from '../../../core/people/scorecard/assessment.ts';
import type { Lang } from './lang.ts';

export const PEOPLE_WORDS = {
  'nav.scorecards': { zh: '考核', en: 'Scorecards' },
  'nav.qa': { zh: '质检', en: 'Quality checks' },
  'scorecard.title': { zh: '考核记分卡', en: 'Scorecards' },
  'scorecard.own': { zh: '我的记分卡', en: 'My scorecard' },
  'scorecard.groupBy': { zh: '周期', en: 'Period' },
  'scorecard.month': { zh: '按月', en: 'By month' },
  'scorecard.week': { zh: '按周', en: 'By week' },
  'scorecard.person': { zh: '人员', en: 'Person' },
  'scorecard.period': { zh: '周期', en: 'Period' },
  'scorecard.score': { zh: '考核分', en: 'Score' },
  'scorecard.steps': { zh: '完成步骤(负责)', en: 'Steps completed (owned)' },
  'scorecard.onTime': { zh: '按时率', en: 'On time' },
  'scorecard.minutes': { zh: '在岗用时 中位/90分位(分钟)', en: 'On-duty min p50/p90' },
  'scorecard.breaches': { zh: '超时(未关闭)', en: 'Breaches (open)' },
  'scorecard.escalations': { zh: '上报', en: 'Escalations' },
  'scorecard.chat': { zh: '问候/回复及时率', en: 'Greeting / reply within' },
  'scorecard.satisfaction': { zh: '回访平均分(数)', en: 'Callback mean (n)' },
  'scorecard.qa': { zh: '质检平均分(数)', en: 'QA mean (n)' },
  'scorecard.components': { zh: '得分构成', en: 'Score components' },
  'scorecard.component': { zh: '项目', en: 'Component' },
  'scorecard.actual': { zh: '实际', en: 'Actual' },
  'scorecard.target': { zh: '目标', en: 'Target' },
  'scorecard.weight': { zh: '权重', en: 'Weight' },
  'scorecard.earned': { zh: '得分', en: 'Earned' },
  'scorecard.noData': { zh: '无数据,不计入', en: 'no data: not counted' },
  'scorecard.empty': { zh: '该期间没有记录', en: 'Nothing recorded in this range' },
  'component.stepOnTime': { zh: '步骤按时率', en: 'Steps on time' },
  'component.chatReply': { zh: '聊天回复及时率', en: 'Chat replies within' },
  'component.satisfaction': { zh: '回访满意度', en: 'Callback satisfaction' },
  'component.noBreachOpen': { zh: '超时已处理', en: 'No breach left open' },
  'component.qa': { zh: '质检', en: 'Quality checks' },
  'qa.title': { zh: '质检队列', en: 'Quality-check queue' },
  'qa.week': { zh: '抽检周', en: 'Week' },
  'qa.status': { zh: '状态', en: 'Status' },
  'qa.open': { zh: '待评分', en: 'To score' },
  'qa.scored': { zh: '已评分', en: 'Scored' },
  'qa.all': { zh: '全部', en: 'All' },
  'qa.person': { zh: '被检人员', en: 'Person' },
  'qa.kind': { zh: '类型', en: 'Kind' },
  'qa.kind.step': { zh: '步骤', en: 'Step' },
  'qa.kind.conversation': { zh: '会话', en: 'Conversation' },
  'qa.subject': { zh: '内容', en: 'What was checked' },
  'qa.at': { zh: '时间', en: 'When' },
  'qa.score': { zh: '评分', en: 'Score' },
  'qa.scoreAction': { zh: '评分', en: 'Score' },
  'qa.rescore': { zh: '重新评分', en: 'Rescore' },
  'qa.note': { zh: '备注', en: 'Note' },
  'qa.save': { zh: '提交评分', en: 'Save score' },
  'qa.saved': { zh: '评分已保存', en: 'Score saved' },
  'qa.draw': { zh: '立即抽检', en: 'Draw now' },
  'qa.drawn': { zh: '抽检 {sampled} 项,新增 {added} 项', en: '{sampled} drawn, {added} new' },
  'qa.empty': { zh: '本周没有抽检项', en: 'No checks this week' },
  'qa.recorded': { zh: '记录', en: 'Recorded' },
  'qa.conversationFacts': { zh: '顾客消息 {messages} 条,问题 {questions} 个,及时回复 {within} 个', en: '{messages} customer messages, {questions} questions, {within} answered in time' },
  'market.title': { zh: '平台考核口径', en: 'Marketplace measures' },
  'market.agent': { zh: '客服', en: 'Agent' },
  'market.taobao': { zh: '淘宝 3分钟人工响应率', en: 'Taobao 3-min response' },
  'market.jd': { zh: '京东 30秒应答率', en: 'JD 30-s response' },
  'market.pdd': { zh: '拼多多 1小时有效回复率', en: 'Pinduoduo 1-h valid reply' },
} as const;

export type PeopleWord = keyof typeof PEOPLE_WORDS;

/** The word in `lang`, `{name}` filled in from `vars`. */
export function peopleWord(key: PeopleWord, lang: Lang, vars: Record<string, string | number> = {}): string {
  return PEOPLE_WORDS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function componentWord(component: ScoreComponent, lang: Lang): string {
  return peopleWord(`component.${component}`, lang);
}
