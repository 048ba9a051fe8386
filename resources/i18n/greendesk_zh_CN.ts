<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AllocationDialog</name>
    <message>
        <source>{no}: {day}, {amount} ({left} unallocated)</source>
        <translation>{no}：{day}，{amount}（未分配 {left}）</translation>
    </message>
    <message>
        <source>{no}: {name} ({left} unallocated)</source>
        <translation>{no}：{name}（未分配 {left}）</translation>
    </message>
    <message>
        <source>At most {most}: drawdown {d} has {dl} left, line {u} {ul}.</source>
        <translation>最多 {most}：第 {d} 笔提款尚余 {dl}，第 {u} 项用途尚余 {ul}。</translation>
    </message>
    <message>
        <source>Record an allocation of proceeds</source>
        <translation>登记资金用途分配</translation>
    </message>
    <message>
        <source>Drawdown</source>
        <translation>提款</translation>
    </message>
    <message>
        <source>Use-of-proceeds line</source>
        <translation>资金用途项目</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Allocated on</source>
        <translation>分配日期</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>payment voucher, invoice or contract number</source>
        <translation>付款凭证、发票或合同编号</translation>
    </message>
</context>
<context>
    <name>AllocationTab</name>
    <message>
        <source>Line</source>
        <translation>用途项</translation>
    </message>
    <message>
        <source>Catalogue item</source>
        <translation>目录条目</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Allocated in the year</source>
        <translation>本年分配</translation>
    </message>
    <message>
        <source>Allocated to the year&apos;s end</source>
        <translation>截至年末已分配</translation>
    </message>
    <message>
        <source>Unallocated</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Drawdown</source>
        <translation>提款</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Reading the allocation report…</source>
        <translation>正在读取资金分配报告…</translation>
    </message>
    <message>
        <source>{year}: allocated in the year {in_year}; to the year&apos;s end {allocated} of {total}; unallocated {left}.</source>
        <translation>{year} 年：本年分配 {in_year}；截至年末已分配 {allocated}（共 {total}）；未分配 {left}。</translation>
    </message>
    <message>
        <source>Everything drawn is allocated: nothing is left to allocate.</source>
        <translation>已提款项已全部分配，没有可分配的余额。</translation>
    </message>
    <message>
        <source>Impact: the project states no expected reduction or total investment.</source>
        <translation>环境效益：项目未填预计减排量或总投资。</translation>
    </message>
    <message>
        <source>Impact: the project&apos;s expected reduction {reduction} tCO2e a year × allocated ÷ total investment {investment} ({share}) = {attributed} tCO2e a year.</source>
        <translation>环境效益：项目预计年减排 {reduction} tCO2e × 已分配 ÷ 总投资 {investment}（{share}）= 每年 {attributed} tCO2e。</translation>
    </message>
    <message>
        <source>Report year</source>
        <translation>报告年度</translation>
    </message>
    <message>
        <source>Record an allocation…</source>
        <translation>登记分配…</translation>
    </message>
    <message>
        <source>Use-of-proceeds lines: allocated and unallocated</source>
        <translation>资金用途：已分配与未分配</translation>
    </message>
    <message>
        <source>Drawdowns</source>
        <translation>提款</translation>
    </message>
    <message>
        <source>Allocations to the year&apos;s end</source>
        <translation>截至年末的分配记录</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <source>GreenDesk backups (*.db)</source>
        <translation>GreenDesk 备份 (*.db)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <source>Backed up {loans} loans and {events} audit events to {path}</source>
        <translation>已备份 {loans} 笔贷款和 {events} 条审计记录到 {path}</translation>
    </message>
    <message>
        <source>Restore from</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the current database with {path} ({loans} loans)? The current file is kept aside.</source>
        <translation>用 {path}（{loans} 笔贷款）替换当前数据库？当前文件将另行保留。</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Makes a consistent copy of the database while GreenDesk stays open.</source>
        <translation>在 GreenDesk 运行期间生成数据库的一致性副本。</translation>
    </message>
    <message>
        <source>Back up to a file…</source>
        <translation>备份到文件…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Checks the backup file first, then replaces the current database with it. GreenDesk reopens the restored database.</source>
        <translation>先校验备份文件，再用它替换当前数据库；GreenDesk 随后重新打开恢复后的数据库。</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>Automatic daily backup</source>
        <translation>每日自动备份</translation>
    </message>
    <message>
        <source>Back up once a day when GreenDesk starts</source>
        <translation>每天首次启动 GreenDesk 时自动备份</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source> backups</source>
        <translation> 份</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>最近备份</translation>
    </message>
</context>
<context>
    <name>BorrowerDialog</name>
    <message>
        <source>New borrower</source>
        <translation>新建借款人</translation>
    </message>
    <message>
        <source>Borrower {}</source>
        <translation>借款人 {}</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>所属行业类别</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Carbon account grade</source>
        <translation>碳账户等级</translation>
    </message>
    <message>
        <source>Transition plan (high-carbon sectors)</source>
        <translation>转型计划（高碳行业）</translation>
    </message>
    <message>
        <source>Baseline carbon intensity</source>
        <translation>基准碳强度</translation>
    </message>
    <message>
        <source>Target carbon intensity</source>
        <translation>目标碳强度</translation>
    </message>
    <message>
        <source>Base year</source>
        <translation>基准年</translation>
    </message>
    <message>
        <source>Target year</source>
        <translation>目标年</translation>
    </message>
    <message>
        <source>Discloses progress every year</source>
        <translation>每年披露转型进展</translation>
    </message>
    <message>
        <source>Emissions data</source>
        <translation>排放数据</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Working weekend day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>放假</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>kept: already paid</source>
        <translation>已还款，保持原日期</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>贷款</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Payment date before</source>
        <translation>原还款日</translation>
    </message>
    <message>
        <source>Payment date now</source>
        <translation>现还款日</translation>
    </message>
    <message>
        <source>Interest before</source>
        <translation>原利息</translation>
    </message>
    <message>
        <source>Interest now</source>
        <translation>现利息</translation>
    </message>
    <message>
        <source>Official (State Council notice)</source>
        <translation>官方（国务院通知）</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>No holiday data</source>
        <translation>无节假日数据</translation>
    </message>
    <message>
        <source>{year} replaced</source>
        <translation>{year} 年已替换</translation>
    </message>
    <message>
        <source>{year} loaded</source>
        <translation>{year} 年已导入</translation>
    </message>
    <message>
        <source>{done}: {holidays} days off, {workdays} working weekend days. Loans re-derived: {loans}; with dates or interest moved: {moved}. Calendar version {version}.</source>
        <translation>{done}：放假 {holidays} 天，调休上班 {workdays} 天。重新推算贷款 {loans} 笔，其中还款日或利息变动 {moved} 笔。日历版本 {version}。</translation>
    </message>
    <message>
        <source>State Council holiday notice</source>
        <translation>国务院节假日安排通知</translation>
    </message>
    <message>
        <source>Notice files (*.csv *.json)</source>
        <translation>通知文件 (*.csv *.json)</translation>
    </message>
    <message>
        <source>Loading the notice and re-deriving the loans&apos; payment dates…</source>
        <translation>正在导入通知并重新推算贷款还款日…</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <source>Payment dates roll over weekends and Chinese public holidays. Years with a State Council notice are official; later years, up to 2100, are projected from the statutory holidays and the stated bridging rule. Loading a year&apos;s notice re-derives the payment dates of every loan dated in that year; periods already paid keep their dates.</source>
        <translation>还款日遇周末和中国法定节假日顺延。已有国务院通知的年度为官方安排；此后各年（至2100年）按法定节假日和既定的调休推算规则推算。导入某年的通知后，该年有还款日的所有贷款将重新推算还款日；已还款的期次保持原日期。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Load a State Council notice</source>
        <translation>导入国务院节假日安排通知</translation>
    </message>
    <message>
        <source>A UTF-8 CSV file with the header date,kind,name — kind &quot;holiday&quot; for each day off, &quot;workday&quot; for each Saturday or Sunday worked — or the same as JSON. A file with any bad line is refused whole, naming the line.</source>
        <translation>UTF-8 编码的 CSV 文件，表头为 date,kind,name——放假日的 kind 为 &quot;holiday&quot;，调休上班的周六、周日为 &quot;workday&quot;——或同样内容的 JSON。文件中任何一行有误即整份拒绝，并指出行号。</translation>
    </message>
    <message>
        <source>Replace a year already official</source>
        <translation>替换已有官方安排的年度</translation>
    </message>
    <message>
        <source>Load notice file…</source>
        <translation>导入通知文件…</translation>
    </message>
    <message>
        <source>Loaded on {day} by {user} from {file}.</source>
        <translation>{day} 由 {user} 从 {file} 导入。</translation>
    </message>
    <message>
        <source>Shipped with GreenDesk: {notice}</source>
        <translation>随 GreenDesk 提供：{notice}</translation>
    </message>
    <message>
        <source>No notice for this year yet (official holidays through {through}). Days off projected from the 2024 amendment&apos;s statutory holidays and the bridging rule; no make-up working weekends are projected.</source>
        <translation>本年度尚无国务院通知（官方节假日至 {through} 年）。放假日按2024年修订的法定节假日及调休推算规则推算，不推算调休上班日。</translation>
    </message>
    <message>
        <source>No holiday data for this year.</source>
        <translation>本年度无节假日数据。</translation>
    </message>
</context>
<context>
    <name>CataloguePicker</name>
    <message>
        <source>Choose a catalogue item</source>
        <translation>选择目录条目</translation>
    </message>
    <message>
        <source>Search by code or words, e.g. 3.2.2 or 光伏 or storage</source>
        <translation>按代码或文字搜索，例如 3.2.2、光伏、储能</translation>
    </message>
</context>
<context>
    <name>CerfReportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export disclosure</source>
        <translation>导出信息披露表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>file: required</source>
        <translation>文件：必填</translation>
    </message>
    <message>
        <source>file: the folder does not exist</source>
        <translation>文件：文件夹不存在</translation>
    </message>
    <message>
        <source>Writing the disclosure…</source>
        <translation>正在生成信息披露表…</translation>
    </message>
    <message>
        <source>CERF quarterly disclosure</source>
        <translation>碳减排支持工具季度信息披露</translation>
    </message>
    <message>
        <source>Writes the quarter&apos;s list of loans supported by the carbon emission reduction facility, with totals as formulas, for Excel.</source>
        <translation>生成本季度获碳减排支持工具支持的贷款清单（合计为公式），供 Excel 使用。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>ClassificationTab</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>met</source>
        <translation>满足</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Criterion or evidence</source>
        <translation>标准或证明材料</translation>
    </message>
    <message>
        <source>Reading the classification…</source>
        <translation>正在读取绿色分类…</translation>
    </message>
    <message>
        <source>Not classified yet: the engine has not assessed this loan.</source>
        <translation>尚未分类：系统尚未评估该笔贷款。</translation>
    </message>
    <message>
        <source>Engine&apos;s class: {}</source>
        <translation>系统分类：{}</translation>
    </message>
    <message>
        <source>Labels: {}</source>
        <translation>标签：{}</translation>
    </message>
    <message>
        <source>Green share: {}</source>
        <translation>绿色占比：{}</translation>
    </message>
    <message>
        <source>Catalogue item: {}</source>
        <translation>目录条目：{}</translation>
    </message>
    <message>
        <source>No override: the engine&apos;s class applies.</source>
        <translation>未调整：采用系统分类结果。</translation>
    </message>
</context>
<context>
    <name>CodeChoices</name>
    <message>
        <source>Choose from the catalogue…</source>
        <translation>从目录中选择…</translation>
    </message>
</context>
<context>
    <name>CollateralTab</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Pledge rate</source>
        <translation>质押率</translation>
    </message>
    <message>
        <source>Eligible value</source>
        <translation>可抵押价值</translation>
    </message>
    <message>
        <source>Valuation date</source>
        <translation>估值日</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>登记机构</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>登记编号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>No collateral is pledged to this loan.</source>
        <translation>该笔贷款尚无押品。</translation>
    </message>
    <message>
        <source>The pledges could not be valued.</source>
        <translation>无法对押品估值。</translation>
    </message>
    <message>
        <source>Coverage {ratio} (threshold {threshold}) · eligible {eligible} of exposure {exposure} · as of {day}</source>
        <translation>押品覆盖率 {ratio}（下限 {threshold}）· 可抵押价值 {eligible} / 敞口 {exposure} · 估值日 {day}</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Review started</source>
        <translation>已受理审查</translation>
    </message>
    <message>
        <source>Decision recorded</source>
        <translation>审批决议已记录</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>已放款</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结清</translation>
    </message>
    <message>
        <source>The terms of {ref} are frozen while it is {status}. Reopen it as a new version to change them.</source>
        <translation>{ref} 处于“{status}”状态，条款已冻结。如需修改，请以新版本变更。</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Borrower {} saved</source>
        <translation>借款人 {} 已保存</translation>
    </message>
    <message>
        <source>Project {} saved</source>
        <translation>项目 {} 已保存</translation>
    </message>
    <message>
        <source>Remove pledge</source>
        <translation>解除押品</translation>
    </message>
    <message>
        <source>Release pledge {n} ({type}) from {ref}?</source>
        <translation>从 {ref} 解除押品 {n}（{type}）？</translation>
    </message>
    <message>
        <source>{ref} reopened as version {v}</source>
        <translation>{ref} 已变更为第 {v} 版</translation>
    </message>
    <message>
        <source>Return for changes</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>Why is the application returned? The officer reads this.</source>
        <translation>退回理由（客户经理可见）：</translation>
    </message>
    <message>
        <source>Workbook written: {}</source>
        <translation>工作簿已写入：{}</translation>
    </message>
    <message>
        <source>Committee quorum saved</source>
        <translation>贷审会法定票数已保存</translation>
    </message>
    <message>
        <source>Your password was changed</source>
        <translation>您的密码已修改</translation>
    </message>
    <message>
        <source>GreenDesk {v}
Green-finance loan origination for bank branches.
Database: {db}</source>
        <translation>GreenDesk {v}
面向银行网点的绿色信贷业务系统。
数据库：{db}</translation>
    </message>
    <message>
        <source>About GreenDesk</source>
        <translation>关于 GreenDesk</translation>
    </message>
</context>
<context>
    <name>CommitteePanel</name>
    <message>
        <source>Credit committee</source>
        <translation>贷审会</translation>
    </message>
    <message>
        <source>Conditions precedent to disbursement (放款前提条件)</source>
        <translation>放款前提条件</translation>
    </message>
    <message>
        <source>Mark satisfied…</source>
        <translation>确认已满足…</translation>
    </message>
    <message>
        <source>Record that the selected condition is met, with the evidence on file</source>
        <translation>记录所选条件已满足及其证明材料</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审批委员</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>表决</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>附加条件</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未满足</translation>
    </message>
    <message>
        <source>met — {who}, {when}</source>
        <translation>已满足 — {who}，{when}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Not yet before the committee.</source>
        <translation>尚未提交贷审会。</translation>
    </message>
    <message>
        <source>Under review: no votes yet.</source>
        <translation>审查中：尚无投票。</translation>
    </message>
    <message>
        <source>No votes recorded for this application version.</source>
        <translation>本版本申请尚无表决记录。</translation>
    </message>
    <message>
        <source>{n} votes: {a} approve, {c} with conditions, {d} decline</source>
        <translation>{n} 票：同意 {a}，附条件同意 {c}，否决 {d}</translation>
    </message>
    <message>
        <source>Quorum met; awaiting the decision</source>
        <translation>已达法定票数，待形成决议</translation>
    </message>
    <message>
        <source>Voting: quorum not met yet</source>
        <translation>表决中：尚未达到法定票数</translation>
    </message>
    <message>
        <source>Decision: {status}</source>
        <translation>决议：{status}</translation>
    </message>
    <message>
        <source>All {n} conditions are satisfied: the loan may be disbursed.</source>
        <translation>全部 {n} 项条件均已满足，可以放款。</translation>
    </message>
    <message>
        <source>{open} of {n} conditions open: disbursement waits until all are met.</source>
        <translation>{n} 项条件中尚有 {open} 项未满足：全部满足后方可放款。</translation>
    </message>
    <message>
        <source>Condition {n} satisfied</source>
        <translation>第 {n} 项条件已满足</translation>
    </message>
    <message>
        <source>{text}

What meets it? The document or fact on file (number, date, issuer).</source>
        <translation>{text}

以何证明？请写明已存档的文件或事实（编号、日期、出具单位）。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Not classified</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>{n} loans, {amount} CNY</source>
        <translation>共 {n} 笔贷款，{amount} 元</translation>
    </message>
    <message>
        <source>Figures of the loans the list&apos;s filters select.</source>
        <translation>以下为列表筛选出的贷款的数据。</translation>
    </message>
    <message>
        <source>Figures of every current loan.</source>
        <translation>以下为全部现行贷款的数据。</translation>
    </message>
    <message>
        <source>As of {day}: financed emissions {financed} tCO2e a year (scope 1+2), scope 3 {scope3} where given; avoided emissions {avoided} tCO2e beside them, never netted. Outstanding-weighted PCAF data-quality score {score} (1 best … 5 estimates). {missing} of {loans} loans without a figure. Emission factors {version}.</source>
        <translation>截至 {day}：融资排放（范围一、二）每年 {financed} 吨二氧化碳当量，范围三（有数据的）{scope3} 吨；避免排放 {avoided} 吨另行列示，不与融资排放相抵。按余额加权的 PCAF 数据质量得分 {score}（1 最好 … 5 为估算）。{loans} 笔贷款中 {missing} 笔无数据。排放因子版本 {version}。</translation>
    </message>
    <message>
        <source>[{n}] {library} ({period}, reported {day}): {source}</source>
        <translation>[{n}] {library}（{period}，{day} 报道）：{source}</translation>
    </message>
    <message>
        <source>No library summaries are shipped.</source>
        <translation>未附带项目库汇总数据。</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Amount (100 million CNY)</source>
        <translation>金额（亿元）</translation>
    </message>
    <message>
        <source>Projects in the library</source>
        <translation>入库项目</translation>
    </message>
    <message>
        <source>Total investment</source>
        <translation>项目总投资</translation>
    </message>
    <message>
        <source>Loan demand</source>
        <translation>贷款需求</translation>
    </message>
    <message>
        <source>Projects granted credit</source>
        <translation>获授信项目</translation>
    </message>
    <message>
        <source>Credit granted</source>
        <translation>授信金额</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>到位贷款</translation>
    </message>
    <message>
        <source>Outstanding
(CNY)</source>
        <translation>贷款余额
（元）</translation>
    </message>
    <message>
        <source>Scope 1+2
(tCO2e)</source>
        <translation>范围一、二
（吨）</translation>
    </message>
    <message>
        <source>Scope 3
(tCO2e)</source>
        <translation>范围三
（吨）</translation>
    </message>
    <message>
        <source>Avoided
(tCO2e)</source>
        <translation>避免排放
（吨）</translation>
    </message>
    <message>
        <source>PCAF
score</source>
        <translation>PCAF
数据质量</translation>
    </message>
    <message>
        <source>Financed, scope 1+2</source>
        <translation>融资排放（范围一、二）</translation>
    </message>
    <message>
        <source>Financed, scope 3</source>
        <translation>融资排放（范围三）</translation>
    </message>
    <message>
        <source>Avoided (beside, not netted)</source>
        <translation>避免排放（另列，不抵减）</translation>
    </message>
    <message>
        <source>As reported</source>
        <translation>报道数</translation>
    </message>
    <message>
        <source>Library and source</source>
        <translation>项目库及来源</translation>
    </message>
    <message>
        <source>Green (CNY)</source>
        <translation>绿色（元）</translation>
    </message>
    <message>
        <source>Green share</source>
        <translation>绿色占比</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Pledges</source>
        <translation>押品笔数</translation>
    </message>
    <message>
        <source>Value (CNY)</source>
        <translation>价值（元）</translation>
    </message>
    <message>
        <source>Eligible value (CNY)</source>
        <translation>可抵押价值（元）</translation>
    </message>
    <message>
        <source>Disbursed amount maturing (100 million CNY)</source>
        <translation>已放款到期金额（亿元）</translation>
    </message>
    <message>
        <source>CO2e reduction a year</source>
        <translation>年减排二氧化碳当量</translation>
    </message>
    <message>
        <source>Carbon sink</source>
        <translation>碳汇量</translation>
    </message>
    <message>
        <source>CO2e reduction a year (10,000 t)</source>
        <translation>年减排二氧化碳当量（万吨）</translation>
    </message>
    <message>
        <source>Carbon sink (10,000 t)</source>
        <translation>碳汇量（万吨）</translation>
    </message>
    <message>
        <source>Financed emissions by class</source>
        <translation>按分类的融资排放</translation>
    </message>
    <message>
        <source>Financed emissions by catalogue category</source>
        <translation>按目录大类的融资排放</translation>
    </message>
    <message>
        <source>100 million CNY</source>
        <translation>亿元</translation>
    </message>
    <message>
        <source>The libraries&apos; figures (100 million CNY)</source>
        <translation>项目库数据（亿元）</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>10,000 tCO2e/year</source>
        <translation>万吨CO2e/年</translation>
    </message>
    <message>
        <source>Eligible collateral value by type</source>
        <translation>各类押品可抵押价值</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <source>Portfolio dashboard</source>
        <translation>组合仪表盘</translation>
    </message>
    <message>
        <source>By class</source>
        <translation>按分类</translation>
    </message>
    <message>
        <source>Green share by category</source>
        <translation>目录大类绿色占比</translation>
    </message>
    <message>
        <source>Collateral mix</source>
        <translation>押品结构</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Maturity ladder</source>
        <translation>到期阶梯</translation>
    </message>
    <message>
        <source>Environmental benefit</source>
        <translation>环境效益</translation>
    </message>
    <message>
        <source>Financed emissions</source>
        <translation>融资排放</translation>
    </message>
    <message>
        <source>Project libraries</source>
        <translation>项目库</translation>
    </message>
    <message>
        <source>Click a bar or a slice, or double-click a table row, to list the loans behind it.</source>
        <translation>点击柱形或扇区，或双击表格行，即列出其对应的贷款。</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>Restored {loans} loans from {path}. The replaced database was kept as {aside}.</source>
        <translation>已从 {path} 恢复 {loans} 笔贷款。被替换的数据库保存在 {aside}。</translation>
    </message>
    <message>
        <source>Daily backup written: {}</source>
        <translation>每日备份已写入：{}</translation>
    </message>
    <message>
        <source>Daily backup…</source>
        <translation>每日备份…</translation>
    </message>
</context>
<context>
    <name>EmissionsPage</name>
    <message>
        <source>verified reported emissions</source>
        <translation>经核查的报告排放量</translation>
    </message>
    <message>
        <source>unverified reported emissions</source>
        <translation>未经核查的报告排放量</translation>
    </message>
    <message>
        <source>energy use × emission factors</source>
        <translation>能源消耗量 × 排放因子</translation>
    </message>
    <message>
        <source>production × emission factors</source>
        <translation>产量 × 排放因子</translation>
    </message>
    <message>
        <source>revenue × sector factor</source>
        <translation>营业收入 × 行业因子</translation>
    </message>
    <message>
        <source>outstanding × asset factor</source>
        <translation>贷款余额 × 资产因子</translation>
    </message>
    <message>
        <source>outstanding × turnover × revenue factor</source>
        <translation>贷款余额 × 周转率 × 收入因子</translation>
    </message>
    <message>
        <source>score {n}</source>
        <translation>评分 {n}</translation>
    </message>
    <message>
        <source>Save the record first; its emissions data can then be entered.</source>
        <translation>请先保存本记录，然后再填写排放数据。</translation>
    </message>
    <message>
        <source>Not saved yet: OK does not save this page.</source>
        <translation>尚未保存：“确定”不保存本页。</translation>
    </message>
    <message>
        <source>Avoided emissions: the project&apos;s expected yearly reduction, {t} tCO2e (first page), attributed the same way and reported beside, never netted.</source>
        <translation>避免排放：项目预计年减排量 {t} tCO2e（见第一页），按同样方法归因，单独列示，不与融资排放相抵。</translation>
    </message>
    <message>
        <source>Emissions data saved.</source>
        <translation>排放数据已保存。</translation>
    </message>
    <message>
        <source>PCAF inputs for financed emissions. Saved with their own button, apart from the record on the first page; every change is kept in the audit trail.</source>
        <translation>计算融资排放的 PCAF 数据。用本页的按钮单独保存，与第一页的记录分开；每次修改都记入审计轨迹。</translation>
    </message>
    <message>
        <source>PCAF data-quality option</source>
        <translation>PCAF 数据质量选项</translation>
    </message>
    <message>
        <source>Total equity (yuan)</source>
        <translation>权益总额（元）</translation>
    </message>
    <message>
        <source>may be negative: counted as 0</source>
        <translation>可为负数：按 0 计</translation>
    </message>
    <message>
        <source>Total debt (yuan)</source>
        <translation>负债总额（元）</translation>
    </message>
    <message>
        <source>Total assets (yuan)</source>
        <translation>总资产（元）</translation>
    </message>
    <message>
        <source>used when equity and debt are blank</source>
        <translation>权益和负债未填时使用</translation>
    </message>
    <message>
        <source>Revenue (yuan)</source>
        <translation>营业收入（元）</translation>
    </message>
    <message>
        <source>option 3a</source>
        <translation>选项 3a</translation>
    </message>
    <message>
        <source>Scope 1+2 emissions (tCO2e a year)</source>
        <translation>范围一、二排放（tCO2e/年）</translation>
    </message>
    <message>
        <source>options 1a, 1b</source>
        <translation>选项 1a、1b</translation>
    </message>
    <message>
        <source>Scope 3 emissions (tCO2e a year)</source>
        <translation>范围三排放（tCO2e/年）</translation>
    </message>
    <message>
        <source>when reported</source>
        <translation>有报告时填写</translation>
    </message>
    <message>
        <source>Activity (options 2a, 2b)</source>
        <translation>活动数据（选项 2a、2b）</translation>
    </message>
    <message>
        <source>FACTOR=QUANTITY; FACTOR=QUANTITY</source>
        <translation>因子=数量; 因子=数量</translation>
    </message>
    <message>
        <source>Sector factor (options 3a, 3b, 3c)</source>
        <translation>行业因子（选项 3a、3b、3c）</translation>
    </message>
    <message>
        <source>Year of the figures</source>
        <translation>数据年度</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Figures are assumed (estimates, not the company&apos;s own)</source>
        <translation>数据为假设值（估算，非企业自报）</translation>
    </message>
    <message>
        <source>Formula that will apply</source>
        <translation>将采用的计算公式</translation>
    </message>
    <message>
        <source>Save emissions data</source>
        <translation>保存排放数据</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Also written to the log file: {}</source>
        <translation>详细信息已写入日志文件：{}</translation>
    </message>
    <message>
        <source>GreenDesk: unexpected error</source>
        <translation>GreenDesk：意外错误</translation>
    </message>
    <message>
        <source>GreenDesk ran into a problem it did not expect. Your data is safe: the unfinished change was not saved. Please send the details below to your IT support.</source>
        <translation>GreenDesk 遇到了意外错误。数据是安全的：未完成的修改没有保存。请将下面的详细信息发送给信息科技支持人员。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Withdraw document</source>
        <translation>撤回证明材料</translation>
    </message>
    <message>
        <source>Withdraw {kind} from {issuer} ({file}, received {day})? The loan is re-classified at once and the withdrawal is recorded in the audit trail.</source>
        <translation>撤回 {issuer} 出具的{kind}（{file}，{day} 收到）？贷款将立即重新分类，撤回记入审计记录。</translation>
    </message>
    <message>
        <source>No application on this computer opens {file}.</source>
        <translation>本机没有可打开 {file} 的程序。</translation>
    </message>
    <message>
        <source>Opening the document…</source>
        <translation>正在打开文件…</translation>
    </message>
    <message>
        <source>Take the selected document off file and re-classify the loan (the officer of record or an administrator, before the committee decides)</source>
        <translation>撤回所选证明材料并重新分类（限经办客户经理或系统管理员，贷审会决议前）</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source>Open the selected document with the system&apos;s viewer (the file is checked against its SHA-256 first)</source>
        <translation>用系统的查看程序打开所选文件（先核对 SHA-256 校验值）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Missing evidence</source>
        <translation>缺失的证明材料</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>补充</translation>
    </message>
    <message>
        <source>Choose a missing item on the left.</source>
        <translation>请在左侧选择一项缺失材料。</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>技术参数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Solar technology</source>
        <translation>太阳能利用技术</translation>
    </message>
    <message>
        <source>PV cell type</source>
        <translation>光伏电池类型</translation>
    </message>
    <message>
        <source>Module conversion efficiency</source>
        <translation>组件光电转换效率</translation>
    </message>
    <message>
        <source>First-year module degradation</source>
        <translation>组件首年衰减率</translation>
    </message>
    <message>
        <source>Module degradation a year after the first</source>
        <translation>组件首年后年衰减率</translation>
    </message>
    <message>
        <source>photovoltaic (PV)</source>
        <translation>光伏发电</translation>
    </message>
    <message>
        <source>concentrated solar power (CSP)</source>
        <translation>光热发电</translation>
    </message>
    <message>
        <source>polycrystalline silicon</source>
        <translation>多晶硅</translation>
    </message>
    <message>
        <source>monocrystalline silicon</source>
        <translation>单晶硅</translation>
    </message>
    <message>
        <source>high-concentration PV</source>
        <translation>高倍聚光光伏</translation>
    </message>
    <message>
        <source>silicon thin film</source>
        <translation>硅基薄膜</translation>
    </message>
    <message>
        <source>CIGS thin film</source>
        <translation>铜铟镓硒薄膜</translation>
    </message>
    <message>
        <source>CdTe thin film</source>
        <translation>碲化镉薄膜</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>elsewhere</source>
        <translation>其他编辑页</translation>
    </message>
    <message>
        <source>Missing item</source>
        <translation>缺失项</translation>
    </message>
    <message>
        <source>Supplied by</source>
        <translation>补充方式</translation>
    </message>
    <message>
        <source>Evidence kind</source>
        <translation>材料类别</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>出具机关</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Class: {}</source>
        <translation>分类：{}</translation>
    </message>
    <message>
        <source>{} item(s) missing</source>
        <translation>缺 {} 项</translation>
    </message>
    <message>
        <source>no missing evidence</source>
        <translation>无缺失材料</translation>
    </message>
    <message>
        <source>Supplied in another editor.</source>
        <translation>在其他编辑页中补充。</translation>
    </message>
    <message>
        <source>Document received</source>
        <translation>收到的文件</translation>
    </message>
    <message>
        <source>Re-classifying the loan…</source>
        <translation>正在重新分类…</translation>
    </message>
    <message>
        <source>the authority that issued it</source>
        <translation>出具文件的机关</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>document number (optional)</source>
        <translation>文件编号（可不填）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>the scanned document (PDF, image)</source>
        <translation>文件扫描件（PDF、图片）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Supply and re-classify</source>
        <translation>补充并重新分类</translation>
    </message>
    <message>
        <source>Documents on file</source>
        <translation>已登记的文件</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Yuan only (元)</source>
        <translation>仅元</translation>
    </message>
    <message>
        <source>Ten thousand yuan (万元)</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>Hundred million yuan (亿元)</source>
        <translation>亿元</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>file: required</source>
        <translation>文件：必填</translation>
    </message>
    <message>
        <source>Writing loan {done} of {total}…</source>
        <translation>正在写入第 {done} / {total} 笔贷款…</translation>
    </message>
    <message>
        <source>Exporting the portfolio workbook…</source>
        <translation>正在导出贷款组合工作簿…</translation>
    </message>
    <message>
        <source>Export portfolio workbook</source>
        <translation>导出贷款组合工作簿</translation>
    </message>
    <message>
        <source>Writes the portfolio workbook (summary, loans, collateral, syndicate, maturity ladder) for Excel.</source>
        <translation>生成贷款组合 Excel 工作簿（汇总、贷款、押品、银团、到期分布）。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>数据日期</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Amounts also in</source>
        <translation>金额另列单位</translation>
    </message>
    <message>
        <source>Each money column stays exact in yuan; a column in ten thousand or hundred million yuan is added beside it.</source>
        <translation>各金额列仍以元精确到分；另在其旁增加一列以万元或亿元显示。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>No collateral</source>
        <translation>无押品</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>起始日（起）</translation>
    </message>
    <message>
        <source>Start to</source>
        <translation>起始日（止）</translation>
    </message>
    <message>
        <source>Maturity from</source>
        <translation>到期日（起）</translation>
    </message>
    <message>
        <source>Maturity to</source>
        <translation>到期日（止）</translation>
    </message>
    <message>
        <source>No catalogue item</source>
        <translation>未对应目录条目</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>{field}: {text} is not a date (YYYY-MM-DD)</source>
        <translation>{field}：{text} 不是日期（格式 YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>目录大类</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>押品</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>from YYYY-MM-DD</source>
        <translation>自 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>to YYYY-MM-DD</source>
        <translation>至 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>password: the two entries differ</source>
        <translation>密码：两次输入不一致</translation>
    </message>
    <message>
        <source>Create the administrator</source>
        <translation>创建系统管理员</translation>
    </message>
    <message>
        <source>This database has no administrator yet. Create one now: the administrator adds officers and committee members, keeps reference prices and rates, and restores backups.</source>
        <translation>该数据库尚无系统管理员，请先创建。系统管理员负责添加客户经理和贷审会委员、维护参考价格和利率、恢复备份。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>例如 admin</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>No events recorded for this loan.</source>
        <translation>该笔贷款暂无审计记录。</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
    <message>
        <source>Select an event to see the audit record behind it.</source>
        <translation>选择一条记录，可查看其背后的审计事件原文。</translation>
    </message>
</context>
<context>
    <name>KpiObservationDialog</name>
    <message>
        <source>You are this loan&apos;s officer of record: your entry is kept, but only an observation entered by someone else, with a verifier and a report, moves the margin.</source>
        <translation>您是本笔贷款的经办客户经理：您录入的观测值会保存，但只有由他人录入、注明核查机构并附核查报告的观测值才会调整利率。</translation>
    </message>
    <message>
        <source>A verifier named and a report attached make the observation verified: it then decides the test and moves the margin.</source>
        <translation>注明核查机构并附核查报告的观测值即为已核查：它将决定该次测试结果并调整利率。</translation>
    </message>
    <message>
        <source>met when the value is {sign} {target} (baseline {baseline})</source>
        <translation>观测值 {sign} {target} 即为达标（基准值 {baseline}）</translation>
    </message>
    <message>
        <source>Verification report</source>
        <translation>核查报告</translation>
    </message>
    <message>
        <source>Record a KPI observation</source>
        <translation>录入 KPI 观测值</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Test date</source>
        <translation>测试日</translation>
    </message>
    <message>
        <source>Observed value</source>
        <translation>观测值</translation>
    </message>
    <message>
        <source>Against the SPT</source>
        <translation>对照目标（SPT）</translation>
    </message>
    <message>
        <source>Period covered</source>
        <translation>观测期</translation>
    </message>
    <message>
        <source>from YYYY-MM-DD</source>
        <translation>起 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>to YYYY-MM-DD</source>
        <translation>止 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Verifier</source>
        <translation>核查机构</translation>
    </message>
    <message>
        <source>the report file (PDF, scan)</source>
        <translation>核查报告文件（PDF、扫描件）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Report number and date</source>
        <translation>报告编号与日期</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
</context>
<context>
    <name>KpiTab</name>
    <message>
        <source>no observation yet</source>
        <translation>尚无观测值</translation>
    </message>
    <message>
        <source>verified by {verifier}</source>
        <translation>已核查：{verifier}</translation>
    </message>
    <message>
        <source>does not count: {reason}</source>
        <translation>不生效：{reason}</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Test date</source>
        <translation>测试日</translation>
    </message>
    <message>
        <source>Grace until</source>
        <translation>宽限截止日</translation>
    </message>
    <message>
        <source>Observed against the SPT</source>
        <translation>观测值对照目标</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>核查</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Step (bps)</source>
        <translation>调整（基点）</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>变更原因</translation>
    </message>
    <message>
        <source>From period</source>
        <translation>起调期次</translation>
    </message>
    <message>
        <source>Its rate</source>
        <translation>该期利率</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>as originated</source>
        <translation>合同原始还款计划</translation>
    </message>
    <message>
        <source>{kpi} {day}: {outcome}, {step} bps</source>
        <translation>{kpi} {day}：{outcome}，{step} 基点</translation>
    </message>
    <message>
        <source>No margin ratchet: results are judged and disclosed only.</source>
        <translation>未约定利率调整：测试结果仅作判定与披露。</translation>
    </message>
    <message>
        <source>Met: margin −{down} bps · missed: +{up} bps · cap ±{cap} bps · grace {grace} days · margin change in force: {total} bps</source>
        <translation>达标下调 {down} 基点 · 未达标上调 {up} 基点 · 累计上限 ±{cap} 基点 · 宽限期 {grace} 天 · 当前生效调整：{total} 基点</translation>
    </message>
    <message>
        <source>Recorded and verified: {result}. Margin {step} bps; schedule version {v}.</source>
        <translation>已录入并核查：{result}。利率调整 {step} 基点；还款计划第 {v} 版。</translation>
    </message>
    <message>
        <source>Recorded. It does not move the margin.</source>
        <translation>已录入。该观测值不调整利率。</translation>
    </message>
    <message>
        <source>Decide overdue tests</source>
        <translation>判定逾期测试</translation>
    </message>
    <message>
        <source>Tests whose grace period ended without a verified observation count as missed: the margin steps up. Decide them now?</source>
        <translation>宽限期届满仍无经核查观测值的测试视同未达标，利率将上调。现在判定？</translation>
    </message>
    <message>
        <source>{n} test(s) decided as missed.</source>
        <translation>已将 {n} 次测试判定为未达标。</translation>
    </message>
    <message>
        <source>Tests: observation, verification and result</source>
        <translation>各测试日：观测、核查与结果</translation>
    </message>
    <message>
        <source>Margin history (schedule versions)</source>
        <translation>利率调整记录（还款计划版本）</translation>
    </message>
    <message>
        <source>Record observation…</source>
        <translation>录入观测值…</translation>
    </message>
    <message>
        <source>Decide overdue tests as missed</source>
        <translation>逾期测试判为未达标</translation>
    </message>
</context>
<context>
    <name>LoanDetail</name>
    <message>
        <source>{n} grace periods</source>
        <translation>宽限 {n} 期</translation>
    </message>
    <message>
        <source>{n} lenders</source>
        <translation>{n} 家成员行</translation>
    </message>
    <message>
        <source>Computing the schedule…</source>
        <translation>正在计算还款计划…</translation>
    </message>
    <message>
        <source>Select a loan on the left to see its borrower, project, schedule, collateral, classification and history.</source>
        <translation>在左侧选择一笔贷款，查看借款人、项目、还款计划、押品、绿色分类和历史记录。</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>所属行业类别</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Carbon grade</source>
        <translation>碳账户等级</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>授信</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Repayment</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Catalogue item</source>
        <translation>目录条目</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>装机规模</translation>
    </message>
    <message>
        <source>Total investment</source>
        <translation>总投资</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Environmental benefit</source>
        <translation>环境效益</translation>
    </message>
    <message>
        <source>CO2e reduction</source>
        <translation>二氧化碳减排量</translation>
    </message>
    <message>
        <source>Carbon sink</source>
        <translation>碳汇量</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>绿色分类</translation>
    </message>
    <message>
        <source>Green share</source>
        <translation>绿色占比</translation>
    </message>
    <message>
        <source>Terms and schedule</source>
        <translation>条款与还款计划</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>押品</translation>
    </message>
    <message>
        <source>Add pledge…</source>
        <translation>新增押品…</translation>
    </message>
    <message>
        <source>Edit pledge…</source>
        <translation>修改押品…</translation>
    </message>
    <message>
        <source>Remove pledge</source>
        <translation>解除押品</translation>
    </message>
    <message>
        <source>Double-click a missing item to supply it.</source>
        <translation>双击缺失项即可补充。</translation>
    </message>
    <message>
        <source>Supply missing evidence…</source>
        <translation>补充缺失材料…</translation>
    </message>
    <message>
        <source>Officer&apos;s override</source>
        <translation>客户经理调整分类</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Save override</source>
        <translation>保存调整</translation>
    </message>
    <message>
        <source>Remove override</source>
        <translation>撤销调整</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI 与利率</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>政策工具</translation>
    </message>
    <message>
        <source>GreenDesk (automatic)</source>
        <translation>GreenDesk（自动）</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>资金分配</translation>
    </message>
</context>
<context>
    <name>LoanDialog</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Lender</source>
        <translation>成员行</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承贷金额</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>生效日</translation>
    </message>
    <message>
        <source>Percent (%)</source>
        <translation>比例（%）</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基准值</translation>
    </message>
    <message>
        <source>Target (SPT)</source>
        <translation>目标值（SPT）</translation>
    </message>
    <message>
        <source>Test dates</source>
        <translation>检验日</translation>
    </message>
    <message>
        <source>Verifier</source>
        <translation>核查机构</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>生效日</translation>
    </message>
    <message>
        <source>Adjustment (bp)</source>
        <translation>调整（基点）</translation>
    </message>
    <message>
        <source>Catalogue item</source>
        <translation>目录条目</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>1 cell is not a valid amount and is left out</source>
        <translation>1 个单元格不是有效金额，未计入合计</translation>
    </message>
    <message>
        <source>{count} cells are not valid amounts and are left out</source>
        <translation>{count} 个单元格不是有效金额，未计入合计</translation>
    </message>
    <message>
        <source>remaining {left}</source>
        <translation>尚余 {left}</translation>
    </message>
    <message>
        <source>Total {total}</source>
        <translation>合计 {total}</translation>
    </message>
    <message>
        <source>Total {total} / loan amount {amount}</source>
        <translation>合计 {total} / 贷款金额 {amount}</translation>
    </message>
    <message>
        <source>{over} above the loan amount</source>
        <translation>超出贷款金额 {over}</translation>
    </message>
    <message>
        <source>adds up to the loan amount</source>
        <translation>与贷款金额一致</translation>
    </message>
    <message>
        <source>No lenders: a bilateral loan</source>
        <translation>未录入银团成员：按双边贷款处理</translation>
    </message>
    <message>
        <source>Commitments {total}</source>
        <translation>承诺额合计 {total}</translation>
    </message>
    <message>
        <source>Commitments {total} / loan amount {amount}</source>
        <translation>承诺额合计 {total} / 贷款金额 {amount}</translation>
    </message>
    <message>
        <source>add up to the loan amount</source>
        <translation>与贷款金额一致</translation>
    </message>
    <message>
        <source>{gap} over: commitments must add up to the loan amount</source>
        <translation>超出 {gap}：承诺额之和须等于贷款金额</translation>
    </message>
    <message>
        <source>{gap} short: commitments must add up to the loan amount</source>
        <translation>尚差 {gap}：承诺额之和须等于贷款金额</translation>
    </message>
    <message>
        <source>Total {total} / drawn total {drawn}</source>
        <translation>合计 {total} / 提款总额 {drawn}</translation>
    </message>
    <message>
        <source>{over} above the drawn total</source>
        <translation>超出提款总额 {over}</translation>
    </message>
    <message>
        <source>adds up to the drawn total</source>
        <translation>与提款总额一致</translation>
    </message>
    <message>
        <source>Total {percent} % of the drawn total</source>
        <translation>合计为提款总额的 {percent}%</translation>
    </message>
    <message>
        <source>{over} % above 100 %</source>
        <translation>超出 100% 达 {over}%</translation>
    </message>
    <message>
        <source>adds up to 100 %</source>
        <translation>合计为 100%</translation>
    </message>
    <message>
        <source>remaining {left} %</source>
        <translation>尚余 {left}%</translation>
    </message>
    <message>
        <source>{count} percent cells are not numbers</source>
        <translation>{count} 个比例单元格不是有效数字</translation>
    </message>
    <message>
        <source>enter a valid loan amount to compare</source>
        <translation>请填写有效的贷款金额以便核对</translation>
    </message>
    <message>
        <source>blank: {n} (house default)</source>
        <translation>留空：{n}（行内默认）</translation>
    </message>
    <message>
        <source>New loan application</source>
        <translation>新建贷款申请</translation>
    </message>
    <message>
        <source>Loan {}</source>
        <translation>贷款 {}</translation>
    </message>
    <message>
        <source>(no project)</source>
        <translation>（无项目）</translation>
    </message>
    <message>
        <source>Loan application</source>
        <translation>贷款申请</translation>
    </message>
    <message>
        <source>Parties and amount</source>
        <translation>主体与金额</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>blank: generated on saving</source>
        <translation>留空则保存时自动生成</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分支行</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>期限（月）</translation>
    </message>
    <message>
        <source>Coverage threshold</source>
        <translation>覆盖率下限</translation>
    </message>
    <message>
        <source>Rate and repayment</source>
        <translation>利率与还款</translation>
    </message>
    <message>
        <source>Interest rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Fixed annual rate</source>
        <translation>固定年利率</translation>
    </message>
    <message>
        <source>blank: no cap</source>
        <translation>留空表示不设上限</translation>
    </message>
    <message>
        <source>KPI grace period (days)</source>
        <translation>KPI 宽限期（天）</translation>
    </message>
    <message>
        <source>Days after a test date within which a verified observation still decides the test; after that the test counts as missed.</source>
        <translation>测试日后的天数：在此期限内经核查的观测值仍可判定测试结果；逾期视同未达标。</translation>
    </message>
    <message>
        <source>Each step changes the margin by the given basis points (negative: a reduction) from the first period starting on or after its date; the cumulative change stays within the cap.</source>
        <translation>每一步自生效日当日或之后开始的第一个计息期起，按所填基点调整加点（负数为下调）；累计调整不超过上限。</translation>
    </message>
    <message>
        <source>Base rate</source>
        <translation>基准利率</translation>
    </message>
    <message>
        <source>Base rate value</source>
        <translation>基准利率值</translation>
    </message>
    <message>
        <source>Spread (bp)</source>
        <translation>加点（基点）</translation>
    </message>
    <message>
        <source>Base-rate path: the published base rate from each date on. At each anniversary the rate is repriced to the last entry on or before it. Leave empty to keep the base rate above.</source>
        <translation>基准利率变动：各日期起适用的公布基准利率。每逢贷款周年日，按该日或之前最近一条重定价。留空则沿用上方的基准利率值。</translation>
    </message>
    <message>
        <source>Repayment</source>
        <translation>还款</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>还款频率</translation>
    </message>
    <message>
        <source>Repayment method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Grace periods</source>
        <translation>宽限期（期数）</translation>
    </message>
    <message>
        <source>Day count</source>
        <translation>计息基准</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Business day rule</source>
        <translation>工作日调整规则</translation>
    </message>
    <message>
        <source>Annuity on an actual-day basis (ACT/360, ACT/365F): interest follows the actual days while the instalment assumes equal periods, so the last payment absorbs the difference and on a 20-year monthly loan can be about twice the instalment. Choose 30/360 for level instalments.</source>
        <translation>等额本息按实际天数计息（ACT/360、ACT/365F）时，各期利息按实际天数计算，而每期还款额按等长期间测算，差额由最后一期承担：20 年按月还款的贷款，最后一期可达每期还款额的两倍左右。如需各期还款额一致，请选择 30/360。</translation>
    </message>
    <message>
        <source>Repayment plan (custom method only): principal repaid at chosen period ends, as amounts adding up to the drawn total or as percents adding up to 100, one form throughout.</source>
        <translation>还款计划（仅适用于按计划还款）：在选定的期末偿还的本金，填金额（合计等于提款总额）或百分比（合计为 100），各行须采用同一种方式。</translation>
    </message>
    <message>
        <source>Drawdowns</source>
        <translation>提款计划</translation>
    </message>
    <message>
        <source>Dates and amounts drawn during construction; leave empty to draw the whole amount on the start date.</source>
        <translation>建设期内各次提款的日期和金额；留空表示起息日一次性全额提款。</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除一行</translation>
    </message>
    <message>
        <source>Syndicate</source>
        <translation>银团</translation>
    </message>
    <message>
        <source>Each lender&apos;s role and commitment; commitments add up to the facility amount. Leave empty for a bilateral loan.</source>
        <translation>各成员行的角色和承贷金额，合计应等于贷款金额；双边贷款留空。</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Arrangement fee rate</source>
        <translation>安排费费率</translation>
    </message>
    <message>
        <source>Commitment fee (bp a year)</source>
        <translation>承诺费（基点/年）</translation>
    </message>
    <message>
        <source>Agency fee a year (CNY)</source>
        <translation>代理费（元/年）</translation>
    </message>
    <message>
        <source>Use of proceeds</source>
        <translation>资金用途</translation>
    </message>
    <message>
        <source>Green use of proceeds: the catalogue item each part funds (with its catalogue edition), what it is for, and the amount. Together the parts may not exceed the loan amount.</source>
        <translation>绿色资金用途：每部分资金投向的目录条目（含目录版本）、具体用途和金额。各部分合计不得超过贷款金额。</translation>
    </message>
    <message>
        <source>Carbon-linked</source>
        <translation>碳挂钩</translation>
    </message>
    <message>
        <source>Sustainability-linked terms: each KPI with its baseline, target (SPT), test dates and verifier, and the margin steps that follow the tests. Leave empty for a loan without them.</source>
        <translation>可持续发展挂钩条款：各项关键绩效指标的基准值、目标值（SPT）、检验日和核查机构，以及检验后的加点调整。不适用的贷款留空即可。</translation>
    </message>
    <message>
        <source>Key performance indicators</source>
        <translation>关键绩效指标（KPI）</translation>
    </message>
    <message>
        <source>Test dates: one or more dates (YYYY-MM-DD) separated by commas or semicolons.</source>
        <translation>检验日：一个或多个日期（YYYY-MM-DD），以逗号或分号分隔。</translation>
    </message>
    <message>
        <source>Margin ratchet</source>
        <translation>利率调整机制</translation>
    </message>
    <message>
        <source>Ratchet cap (bp)</source>
        <translation>利率调整上限（基点）</translation>
    </message>
    <message>
        <source>Carbon-account pricing: the borrower has no carbon-account grade.</source>
        <translation>碳账户定价：借款人无碳效码。</translation>
    </message>
    <message>
        <source>Carbon-account pricing: {}</source>
        <translation>碳账户定价：{}</translation>
    </message>
    <message>
        <source>Schedule preview</source>
        <translation>还款计划预览</translation>
    </message>
    <message>
        <source>Computing the schedule…</source>
        <translation>正在计算还款计划…</translation>
    </message>
    <message>
        <source>(+{n} more)</source>
        <translation>（另有 {n} 项）</translation>
    </message>
    <message>
        <source>from the rate table on the start date</source>
        <translation>按起始日从利率表自动带出</translation>
    </message>
    <message>
        <source>No {name} in the rate table on or before {day}: type it.</source>
        <translation>利率表中没有 {day} 或之前的 {name}：请手工录入。</translation>
    </message>
    <message>
        <source>{name} {rate}, in force since {day} (rate table{source})</source>
        <translation>{name} {rate}，自 {day} 起执行（利率表{source}）</translation>
    </message>
</context>
<context>
    <name>LoanTable</name>
    <message>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>到期日</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Database: {}</source>
        <translation>数据库：{}</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>This is the demo database: the article&apos;s portfolio, for trying GreenDesk out. Its accounts:&lt;br&gt;{accounts}&lt;br&gt;Password for each: &lt;b&gt;{password}&lt;/b&gt;</source>
        <translation>这是演示数据库：收录报道中的案例，供试用 GreenDesk。可用账户：&lt;br&gt;{accounts}&lt;br&gt;各账户密码均为：&lt;b&gt;{password}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Log in to GreenDesk</source>
        <translation>登录 GreenDesk</translation>
    </message>
    <message>
        <source>Sign in with your GreenDesk user name and password.</source>
        <translation>请输入 GreenDesk 用户名和密码登录。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>GreenDesk — green loan desk</source>
        <translation>GreenDesk 绿色信贷工作台</translation>
    </message>
    <message>
        <source>{n} loans</source>
        <translation>共 {n} 笔贷款</translation>
    </message>
    <message>
        <source>No loan matches “{text}”.</source>
        <translation>没有与“{text}”匹配的贷款。</translation>
    </message>
    <message>
        <source>No loan matches the filters.</source>
        <translation>没有符合筛选条件的贷款。</translation>
    </message>
    <message>
        <source>No loans yet. Start one with New loan (Ctrl+N).</source>
        <translation>暂无贷款。可通过“新建贷款”（Ctrl+N）开始录入。</translation>
    </message>
    <message>
        <source>Search reference, borrower, project, region…</source>
        <translation>搜索编号、借款人、项目、地区…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Loans</source>
        <translation>贷款(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>New loan…</source>
        <translation>新建贷款…</translation>
    </message>
    <message>
        <source>Start a new loan application</source>
        <translation>开始一笔新的贷款申请</translation>
    </message>
    <message>
        <source>Edit loan…</source>
        <translation>修改贷款…</translation>
    </message>
    <message>
        <source>Change the selected application&apos;s terms</source>
        <translation>修改所选申请的条款</translation>
    </message>
    <message>
        <source>New borrower…</source>
        <translation>新建借款人…</translation>
    </message>
    <message>
        <source>Edit borrower…</source>
        <translation>修改借款人…</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Edit project…</source>
        <translation>修改项目…</translation>
    </message>
    <message>
        <source>Add pledge…</source>
        <translation>新增押品…</translation>
    </message>
    <message>
        <source>Attach collateral to the selected loan</source>
        <translation>为所选贷款添加押品</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Submit the application to the credit committee</source>
        <translation>将申请提交贷审会</translation>
    </message>
    <message>
        <source>Start review</source>
        <translation>受理审查</translation>
    </message>
    <message>
        <source>Take the submitted application into committee review</source>
        <translation>受理已提交的申请进入贷审会审查</translation>
    </message>
    <message>
        <source>Vote…</source>
        <translation>投票…</translation>
    </message>
    <message>
        <source>Cast your committee vote</source>
        <translation>投出贷审会表决票</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>形成决议</translation>
    </message>
    <message>
        <source>Record the committee decision once the quorum is met</source>
        <translation>达到法定票数后形成贷审会决议</translation>
    </message>
    <message>
        <source>Return for changes…</source>
        <translation>退回修改…</translation>
    </message>
    <message>
        <source>Send the application back to the officer</source>
        <translation>将申请退回客户经理</translation>
    </message>
    <message>
        <source>Disburse</source>
        <translation>放款</translation>
    </message>
    <message>
        <source>Mark the approved loan as disbursed</source>
        <translation>将已批准的贷款标记为已放款</translation>
    </message>
    <message>
        <source>Close loan</source>
        <translation>结清</translation>
    </message>
    <message>
        <source>Mark the disbursed loan as repaid</source>
        <translation>将已放款的贷款标记为已结清</translation>
    </message>
    <message>
        <source>Reopen as new version</source>
        <translation>变更（新版本）</translation>
    </message>
    <message>
        <source>Change approved terms through a new application version</source>
        <translation>以新版本申请变更已批准的条款</translation>
    </message>
    <message>
        <source>Credit memo…</source>
        <translation>授信审批报告…</translation>
    </message>
    <message>
        <source>Preview and save the credit memo PDF</source>
        <translation>预览并保存授信审批报告 PDF</translation>
    </message>
    <message>
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <source>Export the portfolio workbook for Excel</source>
        <translation>导出贷款组合 Excel 工作簿</translation>
    </message>
    <message>
        <source>Portfolio dashboard</source>
        <translation>组合仪表盘</translation>
    </message>
    <message>
        <source>Charts of the listed loans: classes, categories, collateral, coverage, maturities, benefit</source>
        <translation>所列贷款的图表：分类、目录大类、押品、覆盖率、到期、环境效益</translation>
    </message>
    <message>
        <source>Backup and restore…</source>
        <translation>备份与恢复…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Users…</source>
        <translation>用户管理…</translation>
    </message>
    <message>
        <source>Add users, change roles, reset passwords, deactivate accounts</source>
        <translation>添加用户、更改角色、重置密码、停用账户</translation>
    </message>
    <message>
        <source>Reference prices and rates…</source>
        <translation>参考价格与利率…</translation>
    </message>
    <message>
        <source>Maintain carbon reference prices and LPR base rates; loans are revalued at once</source>
        <translation>维护碳参考价格和LPR基准利率；相关贷款随即重估</translation>
    </message>
    <message>
        <source>Committee quorum…</source>
        <translation>贷审会法定票数…</translation>
    </message>
    <message>
        <source>Set how many votes, and what approving share, a committee decision needs</source>
        <translation>设置贷审会决议所需的票数和同意比例</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source>About GreenDesk</source>
        <translation>关于 GreenDesk</translation>
    </message>
    <message>
        <source>Holiday calendar…</source>
        <translation>节假日日历…</translation>
    </message>
    <message>
        <source>Official and projected public holidays by year; load a State Council notice and re-derive loans&apos; payment dates</source>
        <translation>按年度查看官方及推算的节假日；导入国务院通知并重新推算贷款还款日</translation>
    </message>
    <message>
        <source>Demo password — change it (File → Change my password…)</source>
        <translation>演示密码——请修改（文件 → 修改我的密码…）</translation>
    </message>
</context>
<context>
    <name>MarketDataDialog</name>
    <message>
        <source>Instrument</source>
        <translation>品种</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率品种</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Annual rate</source>
        <translation>年利率</translation>
    </message>
    <message>
        <source>{instrument} price of {day}</source>
        <translation>{instrument} {day} 价格</translation>
    </message>
    <message>
        <source>{what} deleted.</source>
        <translation>已删除{what}。</translation>
    </message>
    <message>
        <source>{what} saved.</source>
        <translation>已保存{what}。</translation>
    </message>
    <message>
        <source>Loans revalued with the new prices: {n}.</source>
        <translation>按新价格重估的贷款：{n} 笔。</translation>
    </message>
    <message>
        <source>Deleting the price and revaluing the pledged loans…</source>
        <translation>正在删除价格并重估相关质押贷款…</translation>
    </message>
    <message>
        <source>Delete the {instrument} price of {day} ({price} {unit})? Loans pledged with {instrument} are revalued at once.</source>
        <translation>删除 {instrument} {day} 的价格（{price} {unit}）？以 {instrument} 质押的贷款将随即重估。</translation>
    </message>
    <message>
        <source>Delete price</source>
        <translation>删除价格</translation>
    </message>
    <message>
        <source>{name} effective {day}</source>
        <translation>{name}（{day} 起生效）</translation>
    </message>
    <message>
        <source>Delete {name} effective {day} ({rate})?</source>
        <translation>删除 {name}（{day} 起生效，{rate}）？</translation>
    </message>
    <message>
        <source>Delete rate</source>
        <translation>删除利率</translation>
    </message>
    <message>
        <source>1-year LPR</source>
        <translation>1年期LPR</translation>
    </message>
    <message>
        <source>5-year-and-over LPR</source>
        <translation>5年期以上LPR</translation>
    </message>
    <message>
        <source>Reference prices and rates</source>
        <translation>参考价格与利率</translation>
    </message>
    <message>
        <source>Carbon reference prices</source>
        <translation>碳资产参考价格</translation>
    </message>
    <message>
        <source>Reference prices value pledged allowances, CCERs and carbon-sink rights (quantity × price). Saving a price revalues, at once, every current loan pledged with that instrument.</source>
        <translation>参考价格用于对质押的碳排放配额、CCER 和碳汇收益权估值（数量 × 价格）。保存价格后，以该品种质押的所有现行贷款随即重估。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Base rates (LPR)</source>
        <translation>基准利率（LPR）</translation>
    </message>
    <message>
        <source>Loan Prime Rates as published, each in force from its effective date. Floating-rate loans are repriced from these on their contractual dates.</source>
        <translation>公布的贷款市场报价利率（LPR），自生效日起适用。浮动利率贷款在合同约定的重定价日据此重新定价。</translation>
    </message>
</context>
<context>
    <name>MemoDialog</name>
    <message>
        <source>Summary figures in this unit, rounded half-up to 0.01; the appendices&apos; schedules stay exact in yuan</source>
        <translation>正文金额按此单位四舍五入保留两位小数；附录的还款计划仍以元列示，精确至分</translation>
    </message>
    <message>
        <source>Amounts in</source>
        <translation>金额单位</translation>
    </message>
    <message>
        <source>Credit memo {}</source>
        <translation>授信审批报告 {}</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Rendering the credit memo…</source>
        <translation>正在生成授信审批报告…</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>共 {n} 页</translation>
    </message>
    <message>
        <source>{size} KB, ready to save</source>
        <translation>{size} KB，可以保存</translation>
    </message>
    <message>
        <source>Save credit memo</source>
        <translation>保存授信审批报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot save {path}: {err}</source>
        <translation>无法保存 {path}：{err}</translation>
    </message>
    <message>
        <source>Saved to {}</source>
        <translation>已保存到 {}</translation>
    </message>
    <message>
        <source>Credit memo</source>
        <translation>授信审批报告</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Render again</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>GreenDesk</source>
        <translation>GreenDesk</translation>
    </message>
    <message>
        <source>Cannot use {path}: {why}</source>
        <translation>无法使用 {path}：{why}</translation>
    </message>
</context>
<context>
    <name>MoneyUnits</name>
    <message>
        <source>Amounts in</source>
        <translation>金额单位</translation>
    </message>
    <message>
        <source>Yuan (元)</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Ten thousand yuan (万元)</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>Hundred million yuan (亿元)</source>
        <translation>亿元</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>OsErrors</name>
    <message>
        <source>the folder or file does not exist</source>
        <translation>文件夹或文件不存在</translation>
    </message>
    <message>
        <source>part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <source>that is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>no permission to write there</source>
        <translation>没有写入权限</translation>
    </message>
    <message>
        <source>the operating system does not allow it</source>
        <translation>操作系统不允许此操作</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>磁盘配额已用完</translation>
    </message>
    <message>
        <source>the file name is too long</source>
        <translation>文件名太长</translation>
    </message>
    <message>
        <source>a file of that name already exists</source>
        <translation>同名文件已存在</translation>
    </message>
    <message>
        <source>the file is in use by another program</source>
        <translation>文件正被其他程序使用</translation>
    </message>
    <message>
        <source>the file name is not allowed here</source>
        <translation>此处不允许使用该文件名</translation>
    </message>
    <message>
        <source>system error: {detail}</source>
        <translation>系统错误：{detail}</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>{months} months, {start} to {end}</source>
        <translation>{months} 个月，{start} 至 {end}</translation>
    </message>
    <message>
        <source>tCO2e a year</source>
        <translation>吨 CO2e/年</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Change the password you log in with as {user}. Enter your current password first.</source>
        <translation>修改您以 {user} 登录时使用的密码。请先输入当前密码。</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Set a new password for {name} ({user}). Give it to them in person; they can change it themselves after logging in.</source>
        <translation>为 {name}（{user}）设置新密码。请当面告知本人；登录后可自行修改。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The account {user} still has the public demo password, which anyone can read in the manual. Choose your own password before you go on.</source>
        <translation>账户 {user} 仍在使用公开的演示密码（任何人都能在使用手册中看到）。请先设置您自己的密码再继续。</translation>
    </message>
</context>
<context>
    <name>PledgeDialog</name>
    <message>
        <source>Add pledge</source>
        <translation>新增押品</translation>
    </message>
    <message>
        <source>Pledge {}</source>
        <translation>押品 {}</translation>
    </message>
    <message>
        <source>Pledge</source>
        <translation>押品</translation>
    </message>
    <message>
        <source>Collateral type</source>
        <translation>押品类型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Price instrument</source>
        <translation>参考价格品种</translation>
    </message>
    <message>
        <source>Unit price (CNY)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>Appraised value (CNY)</source>
        <translation>评估价值（元）</translation>
    </message>
    <message>
        <source>Valuation date</source>
        <translation>估值日</translation>
    </message>
    <message>
        <source>Pledge rate</source>
        <translation>质押率</translation>
    </message>
    <message>
        <source>blank: the type&apos;s default</source>
        <translation>留空则采用该类型的默认质押率</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>登记机构</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>登记编号</translation>
    </message>
    <message>
        <source>Vintage year</source>
        <translation>年度（配额年份）</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>出质人</translation>
    </message>
    <message>
        <source>Own unit price (CNY, fallback)</source>
        <translation>约定单价（元，无参考价时使用）</translation>
    </message>
    <message>
        <source>Date of own price</source>
        <translation>约定单价日期</translation>
    </message>
    <message>
        <source>Valued at the latest reference price on file, dated by that price; this price and date are used only when no reference price exists.</source>
        <translation>按已录入的最新参考价格估值，估值日为该价格的日期；仅在没有参考价格时才使用此处的单价和日期。</translation>
    </message>
    <message>
        <source>The date of the appraisal or price the value rests on.</source>
        <translation>估值所依据的评估或价格的日期。</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <source>Add reference price</source>
        <translation>新增参考价格</translation>
    </message>
    <message>
        <source>{instrument} price of {day}</source>
        <translation>{instrument} {day} 价格</translation>
    </message>
    <message>
        <source>Saving the price and revaluing the pledged loans…</source>
        <translation>正在保存价格并重估相关质押贷款…</translation>
    </message>
    <message>
        <source>Reference price</source>
        <translation>参考价格</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>品种</translation>
    </message>
    <message>
        <source>Price date</source>
        <translation>价格日期</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>yuan per unit, e.g. 72.50</source>
        <translation>元/单位，例如 72.50</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>e.g. exchange closing price</source>
        <translation>例如：交易所收盘价</translation>
    </message>
</context>
<context>
    <name>ProgrammesTab</name>
    <message>
        <source>Carbon account</source>
        <translation>碳账户</translation>
    </message>
    <message>
        <source>CERF disclosure…</source>
        <translation>碳减排贷款季度披露…</translation>
    </message>
    <message>
        <source>met</source>
        <translation>已满足</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>未满足</translation>
    </message>
    <message>
        <source>note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>政策工具</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Condition or note</source>
        <translation>条件或说明</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>评定日期</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>碳效码</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Intensity</source>
        <translation>碳排放强度</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Reading the programmes…</source>
        <translation>正在读取政策工具…</translation>
    </message>
    <message>
        <source>eligible</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>not eligible</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>eligible outstanding {amount}</source>
        <translation>合格余额 {amount}</translation>
    </message>
    <message>
        <source>refinancing {amount} ({share} at {rate})</source>
        <translation>再贷款支持 {amount}（比例 {share}，利率 {rate}）</translation>
    </message>
    <message>
        <source>funding benefit over the loan&apos;s life {amount}</source>
        <translation>存续期资金收益 {amount}</translation>
    </message>
    <message>
        <source>{tonnes} tCO2e a year</source>
        <translation>带动年碳减排 {tonnes} 吨 CO2e</translation>
    </message>
    <message>
        <source>Carbon-account grade: {grade}</source>
        <translation>碳效码：{grade}</translation>
    </message>
    <message>
        <source>The borrower is not on a carbon-account platform.</source>
        <translation>借款人未接入碳账户平台。</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Project {}</source>
        <translation>项目 {}</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Catalogue item</source>
        <translation>目录条目</translation>
    </message>
    <message>
        <source>Capacity (MW)</source>
        <translation>装机容量（MW）</translation>
    </message>
    <message>
        <source>Capacity note</source>
        <translation>规模说明</translation>
    </message>
    <message>
        <source>Total investment (CNY)</source>
        <translation>总投资（元）</translation>
    </message>
    <message>
        <source>CO2e reduction (t a year)</source>
        <translation>年减排量（吨 CO2e）</translation>
    </message>
    <message>
        <source>Carbon sink (t)</source>
        <translation>碳汇量（吨）</translation>
    </message>
    <message>
        <source>Emissions data</source>
        <translation>排放数据</translation>
    </message>
</context>
<context>
    <name>QuorumDialog</name>
    <message>
        <source>A decision needs at least {n} votes cast, with at least {share} ({pct}) of them approving.</source>
        <translation>形成决议须至少投票 {n} 票，其中同意票不少于 {share}（{pct}）。</translation>
    </message>
    <message>
        <source>A decision needs at least {n} votes cast, with more than {share} ({pct}) of them approving.</source>
        <translation>形成决议须至少投票 {n} 票，其中同意票超过 {share}（{pct}）。</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>超过</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>不少于</translation>
    </message>
    <message>
        <source>Committee quorum</source>
        <translation>贷审会法定票数</translation>
    </message>
    <message>
        <source>A committee decision may be recorded only when this many votes have been cast and the approving share is met. The rule applies to every decision recorded from now on, including applications already under review.</source>
        <translation>只有投票数达到下列票数且同意比例满足要求时，方可形成贷审会决议。新规则适用于此后形成的每一项决议，包括正在审查中的申请。</translation>
    </message>
    <message>
        <source>Votes needed</source>
        <translation>所需票数</translation>
    </message>
    <message>
        <source> votes</source>
        <translation> 票</translation>
    </message>
    <message>
        <source>Approving share</source>
        <translation>同意比例</translation>
    </message>
    <message>
        <source>Share of votes</source>
        <translation>占投票数</translation>
    </message>
    <message>
        <source>a fraction such as 1/2 or 2/3</source>
        <translation>分数，例如 1/2 或 2/3</translation>
    </message>
    <message>
        <source>Only {count} active reviewers can vote: no application can be decided until more reviewers are added.</source>
        <translation>只有 {count} 名在职贷审会委员可以投票：增加委员之前，任何申请都无法形成审批决议。</translation>
    </message>
</context>
<context>
    <name>RateDialog</name>
    <message>
        <source>Add base rate</source>
        <translation>新增基准利率</translation>
    </message>
    <message>
        <source>{name} effective {day}</source>
        <translation>{name}（{day} 起生效）</translation>
    </message>
    <message>
        <source>= {pct} a year</source>
        <translation>= 年利率 {pct}</translation>
    </message>
    <message>
        <source>Base rate</source>
        <translation>基准利率</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率品种</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Annual rate (decimal)</source>
        <translation>年利率（小数）</translation>
    </message>
    <message>
        <source>e.g. 0.0300 for 3.00 %</source>
        <translation>例如 0.0300 表示 3.00%</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>e.g. PBoC announcement</source>
        <translation>例如：人民银行公告</translation>
    </message>
</context>
<context>
    <name>ScheduleChart</name>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Balance ({unit})</source>
        <translation>余额（{unit}）</translation>
    </message>
    <message>
        <source>Per payment ({unit})</source>
        <translation>每期还款（{unit}）</translation>
    </message>
</context>
<context>
    <name>SchedulePreview</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>ScheduleTab</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Payment date</source>
        <translation>还款日</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <source>Drawdown</source>
        <translation>提款</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>还款额</translation>
    </message>
    <message>
        <source>Closing balance</source>
        <translation>期末余额</translation>
    </message>
    <message>
        <source>Computing the schedule…</source>
        <translation>正在计算还款计划…</translation>
    </message>
    <message>
        <source>No schedule: {}</source>
        <translation>无法生成还款计划：{}</translation>
    </message>
    <message>
        <source>Borrower (whole facility)</source>
        <translation>借款人（整笔贷款）</translation>
    </message>
    <message>
        <source>{n} periods · principal {p} · interest {i} · fees {f} · total {t}</source>
        <translation>{n} 期 · 本金 {p} · 利息 {i} · 费用 {f} · 合计 {t}</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>官方</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>Weekends only</source>
        <translation>仅周末</translation>
    </message>
    <message>
        <source>No State Council notice for {year} yet: the date rests on projected holidays and is re-derived when the notice is loaded</source>
        <translation>{year} 年的国务院节假日安排通知尚未公布：该日期按推算的节假日确定，导入通知后将重新推算</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历依据</translation>
    </message>
    <message>
        <source>Calendar: no business-day calendar</source>
        <translation>日历：不按工作日调整</translation>
    </message>
    <message>
        <source>Calendar: official holidays through {through} · version {version}</source>
        <translation>日历：官方节假日至 {through} 年 · 版本 {version}</translation>
    </message>
    <message>
        <source>Calendar: official holidays through {through}; {first}–{last} projected (rule {rule}) · version {version}</source>
        <translation>日历：官方节假日至 {through} 年；{first}–{last} 年为推算（规则 {rule}） · 版本 {version}</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>{what}: {amount} of drawdown {drawdown} to use-of-proceeds line {line}</source>
        <translation>{what}：第 {drawdown} 笔提款中的 {amount} 分配至资金用途第 {line} 行</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n} 项</translation>
    </message>
    <message>
        <source>no visible change</source>
        <translation>无可见变更</translation>
    </message>
    <message>
        <source>{n} more</source>
        <translation>另有 {n} 项</translation>
    </message>
    <message>
        <source>{what} {reference}: {amount}, {months} months</source>
        <translation>{what} {reference}：金额 {amount}，期限 {months} 个月</translation>
    </message>
    <message>
        <source>{what}: {cls}</source>
        <translation>{what}：{cls}</translation>
    </message>
    <message>
        <source>(green share {share})</source>
        <translation>（绿色占比 {share}）</translation>
    </message>
    <message>
        <source>{what}: collateral {value}, eligible {eligible}, coverage {coverage}</source>
        <translation>{what}：押品价值 {value}，可担保价值 {eligible}，覆盖率 {coverage}</translation>
    </message>
    <message>
        <source>{what}: {cls} — {reason}</source>
        <translation>{what}：{cls} — {reason}</translation>
    </message>
    <message>
        <source>{what}: {type} — {description}</source>
        <translation>{what}：{type} — {description}</translation>
    </message>
    <message>
        <source>{what}: {decision}</source>
        <translation>{what}：{decision}</translation>
    </message>
    <message>
        <source>conditions: {text}</source>
        <translation>条件：{text}</translation>
    </message>
    <message>
        <source>comment: {text}</source>
        <translation>意见：{text}</translation>
    </message>
    <message>
        <source>{what}: {status} ({cast} votes: {approving} approving, {declining} declining)</source>
        <translation>{what}：{status}（共 {cast} 票：同意 {approving}，否决 {declining}）</translation>
    </message>
    <message>
        <source>{what}: {reason}</source>
        <translation>{what}：{reason}</translation>
    </message>
    <message>
        <source>{what}: version {version} as a draft</source>
        <translation>{what}：第 {version} 版（草稿）</translation>
    </message>
    <message>
        <source>Condition {n} satisfied: {text} — evidence: {evidence}</source>
        <translation>第 {n} 项放款前提条件已满足：{text} — 证明材料：{evidence}</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>User {}</source>
        <translation>用户 {}</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>小写字母、数字、“.”、“_”或“-”</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>as shown in the window and the audit trail</source>
        <translation>在窗口和审计记录中显示的名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Active (may log in)</source>
        <translation>启用（可以登录）</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>User {user} added as {role}.</source>
        <translation>已添加用户 {user}，角色：{role}。</translation>
    </message>
    <message>
        <source>User {user} saved.</source>
        <translation>已保存用户 {user}。</translation>
    </message>
    <message>
        <source>The password of {user} was reset.</source>
        <translation>已重置 {user} 的密码。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Everyone who may log in to this database. Users are never deleted, so the audit trail always names a real account: deactivate an account instead.</source>
        <translation>可登录本数据库的全部用户。用户不会被删除，以保证审计记录中的账户始终真实存在；不再使用的账户请停用。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>locked until {}</source>
        <translation>锁定至 {}</translation>
    </message>
    <message>
        <source>demo password: must be changed</source>
        <translation>演示密码：必须修改</translation>
    </message>
    <message>
        <source>The account {user} is unlocked.</source>
        <translation>账户 {user} 已解锁。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Lift the lock that failed log-ins put on this account</source>
        <translation>解除因登录失败而对该账户施加的锁定</translation>
    </message>
</context>
<context>
    <name>VoteDialog</name>
    <message>
        <source>Cast vote</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Cast your vote</source>
        <translation>投票表决</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>表决意见</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>附加条件</translation>
    </message>
    <message>
        <source>Required when approving with conditions</source>
        <translation>附条件同意时必填</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
</context>
</TS>
