// Which encoding a text file is in. Chinese newsrooms still save GB18030/GBK and Big5, and
// Windows saves UTF-16 with a byte order mark. A BOM decides; else UTF-8 when the bytes are
// valid UTF-8; else GB18030 or Big5, whichever reads with fewer broken characters and more of
// the characters Chinese text uses most. A text that reads as neither is refused, never guessed.

/** The most used characters of Chinese news, simplified and traditional: right decodings are full of them, wrong ones are not. */
const COMMON = new Set(
  [
    // simplified, and the characters both scripts share
    '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵',
    // traditional forms of frequent characters
    '這個們國說時來會對為學發現與還過動實長種點從開問樣間經當關體後於進產麼兩無機氣義員業濟報導數據營收億萬淨潤銷額財電車務場價總計區變應裡頭見東邊將軍戰給親話讓認識張費導領員運題書處內兒當號團際醫師們萬與從際參選黨議會總統灣臺台灣這樣還沒聽覺歡邊氣憶權樂歷聲戲觀點標準條證據選舉發佈據說調查顯示營業收入淨利潤季報報導記者長期價格貨幣銀行債務設備網絡雲端語言資訊質量獲得擁護協議環境設計團隊業績計劃增長減少維持預計預期達到約為總額佔比較說明舉辦機構國際經濟貿易問題歷史傳統現實關係這裡那裡們的們們應該雖然認為選擇組織專業競爭優勢價值壓力風險幫助規則開始結束輸出輸入電腦網頁專門製造產品銷售顧客費用營運營收淨損虧損數字萬億兆']
    .join('')
);

/** Characters that could be Chinese: CJK ideographs (basic block and extension A). */
const isIdeograph = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding it was read in: utf-8, utf-16le, utf-16be, gb18030, big5. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
}

/** Decodes the bytes, or says why they are not text in an encoding we can tell. */
export function decodeText(bytes: Uint8Array): DecodedText | { error: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strict('utf-8', bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', bytes);
  const utf8 = strict('utf-8', bytes);
  if (!('error' in utf8)) return utf8;
  // Not UTF-8: a legacy Chinese encoding, when one reads as Chinese.
  const readings = (['gb18030', 'big5'] as const).map((encoding) => {
    const text = new TextDecoder(encoding).decode(bytes);
    let broken = 0;
    let ideographs = 0;
    let common = 0;
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (c === 0xfffd) broken++;
      else if (isIdeograph(c)) {
        ideographs++;
        if (COMMON.has(ch)) common++;
      }
    }
    return { encoding, text, broken, ideographs, common };
  });
  // The reading with more of the common characters, a broken character counting against it.
  readings.sort((a, b) => b.common - 4 * b.broken - (a.common - 4 * a.broken));
  const best = readings[0]!;
  const chars = best.text.length || 1;
  if (best.ideographs > 0 && best.broken / chars < 0.01 && best.common / best.ideographs >= 0.25) return { text: best.text, encoding: best.encoding };
  return { error: 'the text is not valid UTF-8, and it does not read as GB18030/GBK or Big5 Chinese either (save it as UTF-8 and try again)' };
}

function strict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): DecodedText | { error: string } {
  try {
    // The BOM is dropped (ignoreBOM: false), so offsets count from the first character of text.
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes), encoding };
  } catch {
    return { error: encoding === 'utf-8' ? 'the text is not valid UTF-8 (save it as UTF-8 and try again)' : `the file starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}` };
  }
}

/** How the encoding is named to a user. */
export const encodingName = (e: DecodedText['encoding']) => ({ 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 (little-endian)', 'utf-16be': 'UTF-16 (big-endian)', gb18030: 'GB18030/GBK', big5: 'Big5' })[e];
