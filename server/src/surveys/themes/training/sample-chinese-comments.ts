/** Chinese patient comments for the speed measurements (bench:themes, bench:retag), one per theme or so. */
export const CHINESE_COMMENTS = [
  '医生态度很好，讲得很清楚，就是排队太久了，等了两个小时。',
  '挂号难，网上预约总是约不上，电话也打不通。',
  '护士不耐心，问了几次都爱答不理。',
  '病房干净整洁，饭菜也不错，感谢各位医护人员！',
  '停车难，停车场太小，收费贵。',
  '出院的时候护士详细交代了注意事项，出院后还有电话随访，非常满意。',
  '医术高明，手术很成功，恢复得很快。',
  '检查费用太贵了，医保报销比例低。',
  '整体还可以，没什么意见。',
  '候诊区太吵，座位不够，厕所有异味。',
];
