<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AllocationDialog</name>
    <message>
        <source>{no}: {day}, {amount} ({left} unallocated)</source>
        <translation>{no}: {day}, {amount} ({left} unallocated)</translation>
    </message>
    <message>
        <source>{no}: {name} ({left} unallocated)</source>
        <translation>{no}: {name} ({left} unallocated)</translation>
    </message>
    <message>
        <source>At most {most}: drawdown {d} has {dl} left, line {u} {ul}.</source>
        <translation>At most {most}: drawdown {d} has {dl} left, line {u} {ul}.</translation>
    </message>
    <message>
        <source>Record an allocation of proceeds</source>
        <translation>Record an allocation of proceeds</translation>
    </message>
    <message>
        <source>Drawdown</source>
        <translation>Drawdown</translation>
    </message>
    <message>
        <source>Use-of-proceeds line</source>
        <translation>Use-of-proceeds line</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Allocated on</source>
        <translation>Allocated on</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>payment voucher, invoice or contract number</source>
        <translation>payment voucher, invoice or contract number</translation>
    </message>
</context>
<context>
    <name>AllocationTab</name>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Catalogue item</source>
        <translation>Catalogue item</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Allocated in the year</source>
        <translation>Allocated in the year</translation>
    </message>
    <message>
        <source>Allocated to the year&apos;s end</source>
        <translation>Allocated to the year&apos;s end</translation>
    </message>
    <message>
        <source>Unallocated</source>
        <translation>Unallocated</translation>
    </message>
    <message>
        <source>Drawdown</source>
        <translation>Drawdown</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Allocated</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <source>Reading the allocation report…</source>
        <translation>Reading the allocation report…</translation>
    </message>
    <message>
        <source>{year}: allocated in the year {in_year}; to the year&apos;s end {allocated} of {total}; unallocated {left}.</source>
        <translation>{year}: allocated in the year {in_year}; to the year&apos;s end {allocated} of {total}; unallocated {left}.</translation>
    </message>
    <message>
        <source>Everything drawn is allocated: nothing is left to allocate.</source>
        <translation>Everything drawn is allocated: nothing is left to allocate.</translation>
    </message>
    <message>
        <source>Impact: the project states no expected reduction or total investment.</source>
        <translation>Impact: the project states no expected reduction or total investment.</translation>
    </message>
    <message>
        <source>Impact: the project&apos;s expected reduction {reduction} tCO2e a year × allocated ÷ total investment {investment} ({share}) = {attributed} tCO2e a year.</source>
        <translation>Impact: the project&apos;s expected reduction {reduction} tCO2e a year × allocated ÷ total investment {investment} ({share}) = {attributed} tCO2e a year.</translation>
    </message>
    <message>
        <source>Report year</source>
        <translation>Report year</translation>
    </message>
    <message>
        <source>Record an allocation…</source>
        <translation>Record an allocation…</translation>
    </message>
    <message>
        <source>Use-of-proceeds lines: allocated and unallocated</source>
        <translation>Use-of-proceeds lines: allocated and unallocated</translation>
    </message>
    <message>
        <source>Drawdowns</source>
        <translation>Drawdowns</translation>
    </message>
    <message>
        <source>Allocations to the year&apos;s end</source>
        <translation>Allocations to the year&apos;s end</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backup folder</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <source>GreenDesk backups (*.db)</source>
        <translation>GreenDesk backups (*.db)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <source>Backed up {loans} loans and {events} audit events to {path}</source>
        <translation>Backed up {loans} loans and {events} audit events to {path}</translation>
    </message>
    <message>
        <source>Restore from</source>
        <translation>Restore from</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Replace the current database with {path} ({loans} loans)? The current file is kept aside.</source>
        <translation>Replace the current database with {path} ({loans} loans)? The current file is kept aside.</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Makes a consistent copy of the database while GreenDesk stays open.</source>
        <translation>Makes a consistent copy of the database while GreenDesk stays open.</translation>
    </message>
    <message>
        <source>Back up to a file…</source>
        <translation>Back up to a file…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Checks the backup file first, then replaces the current database with it. GreenDesk reopens the restored database.</source>
        <translation>Checks the backup file first, then replaces the current database with it. GreenDesk reopens the restored database.</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>Restore from a file…</translation>
    </message>
    <message>
        <source>Automatic daily backup</source>
        <translation>Automatic daily backup</translation>
    </message>
    <message>
        <source>Back up once a day when GreenDesk starts</source>
        <translation>Back up once a day when GreenDesk starts</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source> backups</source>
        <translation> backups</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>Last backup</translation>
    </message>
</context>
<context>
    <name>BorrowerDialog</name>
    <message>
        <source>New borrower</source>
        <translation>New borrower</translation>
    </message>
    <message>
        <source>Borrower {}</source>
        <translation>Borrower {}</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Carbon account grade</source>
        <translation>Carbon account grade</translation>
    </message>
    <message>
        <source>Transition plan (high-carbon sectors)</source>
        <translation>Transition plan (high-carbon sectors)</translation>
    </message>
    <message>
        <source>Baseline carbon intensity</source>
        <translation>Baseline carbon intensity</translation>
    </message>
    <message>
        <source>Target carbon intensity</source>
        <translation>Target carbon intensity</translation>
    </message>
    <message>
        <source>Base year</source>
        <translation>Base year</translation>
    </message>
    <message>
        <source>Target year</source>
        <translation>Target year</translation>
    </message>
    <message>
        <source>Discloses progress every year</source>
        <translation>Discloses progress every year</translation>
    </message>
    <message>
        <source>Emissions data</source>
        <translation>Emissions data</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Monday</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>Working weekend day</source>
        <translation>Working weekend day</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Day off</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>kept: already paid</source>
        <translation>kept: already paid</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>Loan</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Payment date before</source>
        <translation>Payment date before</translation>
    </message>
    <message>
        <source>Payment date now</source>
        <translation>Payment date now</translation>
    </message>
    <message>
        <source>Interest before</source>
        <translation>Interest before</translation>
    </message>
    <message>
        <source>Interest now</source>
        <translation>Interest now</translation>
    </message>
    <message>
        <source>Official (State Council notice)</source>
        <translation>Official (State Council notice)</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>Projected</translation>
    </message>
    <message>
        <source>No holiday data</source>
        <translation>No holiday data</translation>
    </message>
    <message>
        <source>{year} replaced</source>
        <translation>{year} replaced</translation>
    </message>
    <message>
        <source>{year} loaded</source>
        <translation>{year} loaded</translation>
    </message>
    <message>
        <source>{done}: {holidays} days off, {workdays} working weekend days. Loans re-derived: {loans}; with dates or interest moved: {moved}. Calendar version {version}.</source>
        <translation>{done}: {holidays} days off, {workdays} working weekend days. Loans re-derived: {loans}; with dates or interest moved: {moved}. Calendar version {version}.</translation>
    </message>
    <message>
        <source>State Council holiday notice</source>
        <translation>State Council holiday notice</translation>
    </message>
    <message>
        <source>Notice files (*.csv *.json)</source>
        <translation>Notice files (*.csv *.json)</translation>
    </message>
    <message>
        <source>Loading the notice and re-deriving the loans&apos; payment dates…</source>
        <translation>Loading the notice and re-deriving the loans&apos; payment dates…</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>Holiday calendar</translation>
    </message>
    <message>
        <source>Payment dates roll over weekends and Chinese public holidays. Years with a State Council notice are official; later years, up to 2100, are projected from the statutory holidays and the stated bridging rule. Loading a year&apos;s notice re-derives the payment dates of every loan dated in that year; periods already paid keep their dates.</source>
        <translation>Payment dates roll over weekends and Chinese public holidays. Years with a State Council notice are official; later years, up to 2100, are projected from the statutory holidays and the stated bridging rule. Loading a year&apos;s notice re-derives the payment dates of every loan dated in that year; periods already paid keep their dates.</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Load a State Council notice</source>
        <translation>Load a State Council notice</translation>
    </message>
    <message>
        <source>A UTF-8 CSV file with the header date,kind,name — kind &quot;holiday&quot; for each day off, &quot;workday&quot; for each Saturday or Sunday worked — or the same as JSON. A file with any bad line is refused whole, naming the line.</source>
        <translation>A UTF-8 CSV file with the header date,kind,name — kind &quot;holiday&quot; for each day off, &quot;workday&quot; for each Saturday or Sunday worked — or the same as JSON. A file with any bad line is refused whole, naming the line.</translation>
    </message>
    <message>
        <source>Replace a year already official</source>
        <translation>Replace a year already official</translation>
    </message>
    <message>
        <source>Load notice file…</source>
        <translation>Load notice file…</translation>
    </message>
    <message>
        <source>Loaded on {day} by {user} from {file}.</source>
        <translation>Loaded on {day} by {user} from {file}.</translation>
    </message>
    <message>
        <source>Shipped with GreenDesk: {notice}</source>
        <translation>Shipped with GreenDesk: {notice}</translation>
    </message>
    <message>
        <source>No notice for this year yet (official holidays through {through}). Days off projected from the 2024 amendment&apos;s statutory holidays and the bridging rule; no make-up working weekends are projected.</source>
        <translation>No notice for this year yet (official holidays through {through}). Days off projected from the 2024 amendment&apos;s statutory holidays and the bridging rule; no make-up working weekends are projected.</translation>
    </message>
    <message>
        <source>No holiday data for this year.</source>
        <translation>No holiday data for this year.</translation>
    </message>
</context>
<context>
    <name>CataloguePicker</name>
    <message>
        <source>Choose a catalogue item</source>
        <translation>Choose a catalogue item</translation>
    </message>
    <message>
        <source>Search by code or words, e.g. 3.2.2 or 光伏 or storage</source>
        <translation>Search by code or words, e.g. 3.2.2 or 光伏 or storage</translation>
    </message>
</context>
<context>
    <name>CerfReportDialog</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export disclosure</source>
        <translation>Export disclosure</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>file: required</source>
        <translation>file: required</translation>
    </message>
    <message>
        <source>file: the folder does not exist</source>
        <translation>file: the folder does not exist</translation>
    </message>
    <message>
        <source>Writing the disclosure…</source>
        <translation>Writing the disclosure…</translation>
    </message>
    <message>
        <source>CERF quarterly disclosure</source>
        <translation>CERF quarterly disclosure</translation>
    </message>
    <message>
        <source>Writes the quarter&apos;s list of loans supported by the carbon emission reduction facility, with totals as formulas, for Excel.</source>
        <translation>Writes the quarter&apos;s list of loans supported by the carbon emission reduction facility, with totals as formulas, for Excel.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>ClassificationTab</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>met</source>
        <translation>met</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>Criterion or evidence</source>
        <translation>Criterion or evidence</translation>
    </message>
    <message>
        <source>Reading the classification…</source>
        <translation>Reading the classification…</translation>
    </message>
    <message>
        <source>Not classified yet: the engine has not assessed this loan.</source>
        <translation>Not classified yet: the engine has not assessed this loan.</translation>
    </message>
    <message>
        <source>Engine&apos;s class: {}</source>
        <translation>Engine&apos;s class: {}</translation>
    </message>
    <message>
        <source>Labels: {}</source>
        <translation>Labels: {}</translation>
    </message>
    <message>
        <source>Green share: {}</source>
        <translation>Green share: {}</translation>
    </message>
    <message>
        <source>Catalogue item: {}</source>
        <translation>Catalogue item: {}</translation>
    </message>
    <message>
        <source>No override: the engine&apos;s class applies.</source>
        <translation>No override: the engine&apos;s class applies.</translation>
    </message>
</context>
<context>
    <name>CodeChoices</name>
    <message>
        <source>Choose from the catalogue…</source>
        <translation>Choose from the catalogue…</translation>
    </message>
</context>
<context>
    <name>CollateralTab</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Pledge rate</source>
        <translation>Pledge rate</translation>
    </message>
    <message>
        <source>Eligible value</source>
        <translation>Eligible value</translation>
    </message>
    <message>
        <source>Valuation date</source>
        <translation>Valuation date</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>Registration no.</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>No collateral is pledged to this loan.</source>
        <translation>No collateral is pledged to this loan.</translation>
    </message>
    <message>
        <source>The pledges could not be valued.</source>
        <translation>The pledges could not be valued.</translation>
    </message>
    <message>
        <source>Coverage {ratio} (threshold {threshold}) · eligible {eligible} of exposure {exposure} · as of {day}</source>
        <translation>Coverage {ratio} (threshold {threshold}) · eligible {eligible} of exposure {exposure} · as of {day}</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Review started</source>
        <translation>Review started</translation>
    </message>
    <message>
        <source>Decision recorded</source>
        <translation>Decision recorded</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>Disbursed</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>The terms of {ref} are frozen while it is {status}. Reopen it as a new version to change them.</source>
        <translation>The terms of {ref} are frozen while it is {status}. Reopen it as a new version to change them.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Borrower {} saved</source>
        <translation>Borrower {} saved</translation>
    </message>
    <message>
        <source>Project {} saved</source>
        <translation>Project {} saved</translation>
    </message>
    <message>
        <source>Remove pledge</source>
        <translation>Remove pledge</translation>
    </message>
    <message>
        <source>Release pledge {n} ({type}) from {ref}?</source>
        <translation>Release pledge {n} ({type}) from {ref}?</translation>
    </message>
    <message>
        <source>{ref} reopened as version {v}</source>
        <translation>{ref} reopened as version {v}</translation>
    </message>
    <message>
        <source>Return for changes</source>
        <translation>Return for changes</translation>
    </message>
    <message>
        <source>Why is the application returned? The officer reads this.</source>
        <translation>Why is the application returned? The officer reads this.</translation>
    </message>
    <message>
        <source>Workbook written: {}</source>
        <translation>Workbook written: {}</translation>
    </message>
    <message>
        <source>Committee quorum saved</source>
        <translation>Committee quorum saved</translation>
    </message>
    <message>
        <source>Your password was changed</source>
        <translation>Your password was changed</translation>
    </message>
    <message>
        <source>GreenDesk {v}
Green-finance loan origination for bank branches.
Database: {db}</source>
        <translation>GreenDesk {v}
Green-finance loan origination for bank branches.
Database: {db}</translation>
    </message>
    <message>
        <source>About GreenDesk</source>
        <translation>About GreenDesk</translation>
    </message>
</context>
<context>
    <name>CommitteePanel</name>
    <message>
        <source>Credit committee</source>
        <translation>Credit committee</translation>
    </message>
    <message>
        <source>Conditions precedent to disbursement (放款前提条件)</source>
        <translation>Conditions precedent to disbursement (放款前提条件)</translation>
    </message>
    <message>
        <source>Mark satisfied…</source>
        <translation>Mark satisfied…</translation>
    </message>
    <message>
        <source>Record that the selected condition is met, with the evidence on file</source>
        <translation>Record that the selected condition is met, with the evidence on file</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Vote</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>met — {who}, {when}</source>
        <translation>met — {who}, {when}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Set by</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Not yet before the committee.</source>
        <translation>Not yet before the committee.</translation>
    </message>
    <message>
        <source>Under review: no votes yet.</source>
        <translation>Under review: no votes yet.</translation>
    </message>
    <message>
        <source>No votes recorded for this application version.</source>
        <translation>No votes recorded for this application version.</translation>
    </message>
    <message>
        <source>{n} votes: {a} approve, {c} with conditions, {d} decline</source>
        <translation>{n} votes: {a} approve, {c} with conditions, {d} decline</translation>
    </message>
    <message>
        <source>Quorum met; awaiting the decision</source>
        <translation>Quorum met; awaiting the decision</translation>
    </message>
    <message>
        <source>Voting: quorum not met yet</source>
        <translation>Voting: quorum not met yet</translation>
    </message>
    <message>
        <source>Decision: {status}</source>
        <translation>Decision: {status}</translation>
    </message>
    <message>
        <source>All {n} conditions are satisfied: the loan may be disbursed.</source>
        <translation>All {n} conditions are satisfied: the loan may be disbursed.</translation>
    </message>
    <message>
        <source>{open} of {n} conditions open: disbursement waits until all are met.</source>
        <translation>{open} of {n} conditions open: disbursement waits until all are met.</translation>
    </message>
    <message>
        <source>Condition {n} satisfied</source>
        <translation>Condition {n} satisfied</translation>
    </message>
    <message>
        <source>{text}

What meets it? The document or fact on file (number, date, issuer).</source>
        <translation>{text}

What meets it? The document or fact on file (number, date, issuer).</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Not classified</source>
        <translation>Not classified</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Reading the figures…</translation>
    </message>
    <message>
        <source>{n} loans, {amount} CNY</source>
        <translation>{n} loans, {amount} CNY</translation>
    </message>
    <message>
        <source>Figures of the loans the list&apos;s filters select.</source>
        <translation>Figures of the loans the list&apos;s filters select.</translation>
    </message>
    <message>
        <source>Figures of every current loan.</source>
        <translation>Figures of every current loan.</translation>
    </message>
    <message>
        <source>As of {day}: financed emissions {financed} tCO2e a year (scope 1+2), scope 3 {scope3} where given; avoided emissions {avoided} tCO2e beside them, never netted. Outstanding-weighted PCAF data-quality score {score} (1 best … 5 estimates). {missing} of {loans} loans without a figure. Emission factors {version}.</source>
        <translation>As of {day}: financed emissions {financed} tCO2e a year (scope 1+2), scope 3 {scope3} where given; avoided emissions {avoided} tCO2e beside them, never netted. Outstanding-weighted PCAF data-quality score {score} (1 best … 5 estimates). {missing} of {loans} loans without a figure. Emission factors {version}.</translation>
    </message>
    <message>
        <source>[{n}] {library} ({period}, reported {day}): {source}</source>
        <translation>[{n}] {library} ({period}, reported {day}): {source}</translation>
    </message>
    <message>
        <source>No library summaries are shipped.</source>
        <translation>No library summaries are shipped.</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>Loans</translation>
    </message>
    <message>
        <source>Amount (CNY)</source>
        <translation>Amount (CNY)</translation>
    </message>
    <message>
        <source>Amount (100 million CNY)</source>
        <translation>Amount (100 million CNY)</translation>
    </message>
    <message>
        <source>Projects in the library</source>
        <translation>Projects in the library</translation>
    </message>
    <message>
        <source>Total investment</source>
        <translation>Total investment</translation>
    </message>
    <message>
        <source>Loan demand</source>
        <translation>Loan demand</translation>
    </message>
    <message>
        <source>Projects granted credit</source>
        <translation>Projects granted credit</translation>
    </message>
    <message>
        <source>Credit granted</source>
        <translation>Credit granted</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>Disbursed</translation>
    </message>
    <message>
        <source>Outstanding
(CNY)</source>
        <translation>Outstanding
(CNY)</translation>
    </message>
    <message>
        <source>Scope 1+2
(tCO2e)</source>
        <translation>Scope 1+2
(tCO2e)</translation>
    </message>
    <message>
        <source>Scope 3
(tCO2e)</source>
        <translation>Scope 3
(tCO2e)</translation>
    </message>
    <message>
        <source>Avoided
(tCO2e)</source>
        <translation>Avoided
(tCO2e)</translation>
    </message>
    <message>
        <source>PCAF
score</source>
        <translation>PCAF
score</translation>
    </message>
    <message>
        <source>Financed, scope 1+2</source>
        <translation>Financed, scope 1+2</translation>
    </message>
    <message>
        <source>Financed, scope 3</source>
        <translation>Financed, scope 3</translation>
    </message>
    <message>
        <source>Avoided (beside, not netted)</source>
        <translation>Avoided (beside, not netted)</translation>
    </message>
    <message>
        <source>As reported</source>
        <translation>As reported</translation>
    </message>
    <message>
        <source>Library and source</source>
        <translation>Library and source</translation>
    </message>
    <message>
        <source>Green (CNY)</source>
        <translation>Green (CNY)</translation>
    </message>
    <message>
        <source>Green share</source>
        <translation>Green share</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Pledges</source>
        <translation>Pledges</translation>
    </message>
    <message>
        <source>Value (CNY)</source>
        <translation>Value (CNY)</translation>
    </message>
    <message>
        <source>Eligible value (CNY)</source>
        <translation>Eligible value (CNY)</translation>
    </message>
    <message>
        <source>Disbursed amount maturing (100 million CNY)</source>
        <translation>Disbursed amount maturing (100 million CNY)</translation>
    </message>
    <message>
        <source>CO2e reduction a year</source>
        <translation>CO2e reduction a year</translation>
    </message>
    <message>
        <source>Carbon sink</source>
        <translation>Carbon sink</translation>
    </message>
    <message>
        <source>CO2e reduction a year (10,000 t)</source>
        <translation>CO2e reduction a year (10,000 t)</translation>
    </message>
    <message>
        <source>Carbon sink (10,000 t)</source>
        <translation>Carbon sink (10,000 t)</translation>
    </message>
    <message>
        <source>Financed emissions by class</source>
        <translation>Financed emissions by class</translation>
    </message>
    <message>
        <source>Financed emissions by catalogue category</source>
        <translation>Financed emissions by catalogue category</translation>
    </message>
    <message>
        <source>100 million CNY</source>
        <translation>100 million CNY</translation>
    </message>
    <message>
        <source>The libraries&apos; figures (100 million CNY)</source>
        <translation>The libraries&apos; figures (100 million CNY)</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>10,000 tCO2e/year</source>
        <translation>10,000 tCO2e/year</translation>
    </message>
    <message>
        <source>Eligible collateral value by type</source>
        <translation>Eligible collateral value by type</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <source>Portfolio dashboard</source>
        <translation>Portfolio dashboard</translation>
    </message>
    <message>
        <source>By class</source>
        <translation>By class</translation>
    </message>
    <message>
        <source>Green share by category</source>
        <translation>Green share by category</translation>
    </message>
    <message>
        <source>Collateral mix</source>
        <translation>Collateral mix</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>Maturity ladder</source>
        <translation>Maturity ladder</translation>
    </message>
    <message>
        <source>Environmental benefit</source>
        <translation>Environmental benefit</translation>
    </message>
    <message>
        <source>Financed emissions</source>
        <translation>Financed emissions</translation>
    </message>
    <message>
        <source>Project libraries</source>
        <translation>Project libraries</translation>
    </message>
    <message>
        <source>Click a bar or a slice, or double-click a table row, to list the loans behind it.</source>
        <translation>Click a bar or a slice, or double-click a table row, to list the loans behind it.</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>Restored {loans} loans from {path}. The replaced database was kept as {aside}.</source>
        <translation>Restored {loans} loans from {path}. The replaced database was kept as {aside}.</translation>
    </message>
    <message>
        <source>Daily backup written: {}</source>
        <translation>Daily backup written: {}</translation>
    </message>
    <message>
        <source>Daily backup…</source>
        <translation>Daily backup…</translation>
    </message>
</context>
<context>
    <name>EmissionsPage</name>
    <message>
        <source>verified reported emissions</source>
        <translation>verified reported emissions</translation>
    </message>
    <message>
        <source>unverified reported emissions</source>
        <translation>unverified reported emissions</translation>
    </message>
    <message>
        <source>energy use × emission factors</source>
        <translation>energy use × emission factors</translation>
    </message>
    <message>
        <source>production × emission factors</source>
        <translation>production × emission factors</translation>
    </message>
    <message>
        <source>revenue × sector factor</source>
        <translation>revenue × sector factor</translation>
    </message>
    <message>
        <source>outstanding × asset factor</source>
        <translation>outstanding × asset factor</translation>
    </message>
    <message>
        <source>outstanding × turnover × revenue factor</source>
        <translation>outstanding × turnover × revenue factor</translation>
    </message>
    <message>
        <source>score {n}</source>
        <translation>score {n}</translation>
    </message>
    <message>
        <source>Save the record first; its emissions data can then be entered.</source>
        <translation>Save the record first; its emissions data can then be entered.</translation>
    </message>
    <message>
        <source>Not saved yet: OK does not save this page.</source>
        <translation>Not saved yet: OK does not save this page.</translation>
    </message>
    <message>
        <source>Avoided emissions: the project&apos;s expected yearly reduction, {t} tCO2e (first page), attributed the same way and reported beside, never netted.</source>
        <translation>Avoided emissions: the project&apos;s expected yearly reduction, {t} tCO2e (first page), attributed the same way and reported beside, never netted.</translation>
    </message>
    <message>
        <source>Emissions data saved.</source>
        <translation>Emissions data saved.</translation>
    </message>
    <message>
        <source>PCAF inputs for financed emissions. Saved with their own button, apart from the record on the first page; every change is kept in the audit trail.</source>
        <translation>PCAF inputs for financed emissions. Saved with their own button, apart from the record on the first page; every change is kept in the audit trail.</translation>
    </message>
    <message>
        <source>PCAF data-quality option</source>
        <translation>PCAF data-quality option</translation>
    </message>
    <message>
        <source>Total equity (yuan)</source>
        <translation>Total equity (yuan)</translation>
    </message>
    <message>
        <source>may be negative: counted as 0</source>
        <translation>may be negative: counted as 0</translation>
    </message>
    <message>
        <source>Total debt (yuan)</source>
        <translation>Total debt (yuan)</translation>
    </message>
    <message>
        <source>Total assets (yuan)</source>
        <translation>Total assets (yuan)</translation>
    </message>
    <message>
        <source>used when equity and debt are blank</source>
        <translation>used when equity and debt are blank</translation>
    </message>
    <message>
        <source>Revenue (yuan)</source>
        <translation>Revenue (yuan)</translation>
    </message>
    <message>
        <source>option 3a</source>
        <translation>option 3a</translation>
    </message>
    <message>
        <source>Scope 1+2 emissions (tCO2e a year)</source>
        <translation>Scope 1+2 emissions (tCO2e a year)</translation>
    </message>
    <message>
        <source>options 1a, 1b</source>
        <translation>options 1a, 1b</translation>
    </message>
    <message>
        <source>Scope 3 emissions (tCO2e a year)</source>
        <translation>Scope 3 emissions (tCO2e a year)</translation>
    </message>
    <message>
        <source>when reported</source>
        <translation>when reported</translation>
    </message>
    <message>
        <source>Activity (options 2a, 2b)</source>
        <translation>Activity (options 2a, 2b)</translation>
    </message>
    <message>
        <source>FACTOR=QUANTITY; FACTOR=QUANTITY</source>
        <translation>FACTOR=QUANTITY; FACTOR=QUANTITY</translation>
    </message>
    <message>
        <source>Sector factor (options 3a, 3b, 3c)</source>
        <translation>Sector factor (options 3a, 3b, 3c)</translation>
    </message>
    <message>
        <source>Year of the figures</source>
        <translation>Year of the figures</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Figures are assumed (estimates, not the company&apos;s own)</source>
        <translation>Figures are assumed (estimates, not the company&apos;s own)</translation>
    </message>
    <message>
        <source>Formula that will apply</source>
        <translation>Formula that will apply</translation>
    </message>
    <message>
        <source>Save emissions data</source>
        <translation>Save emissions data</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Also written to the log file: {}</source>
        <translation>Also written to the log file: {}</translation>
    </message>
    <message>
        <source>GreenDesk: unexpected error</source>
        <translation>GreenDesk: unexpected error</translation>
    </message>
    <message>
        <source>GreenDesk ran into a problem it did not expect. Your data is safe: the unfinished change was not saved. Please send the details below to your IT support.</source>
        <translation>GreenDesk ran into a problem it did not expect. Your data is safe: the unfinished change was not saved. Please send the details below to your IT support.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Withdraw document</source>
        <translation>Withdraw document</translation>
    </message>
    <message>
        <source>Withdraw {kind} from {issuer} ({file}, received {day})? The loan is re-classified at once and the withdrawal is recorded in the audit trail.</source>
        <translation>Withdraw {kind} from {issuer} ({file}, received {day})? The loan is re-classified at once and the withdrawal is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>No application on this computer opens {file}.</source>
        <translation>No application on this computer opens {file}.</translation>
    </message>
    <message>
        <source>Opening the document…</source>
        <translation>Opening the document…</translation>
    </message>
    <message>
        <source>Take the selected document off file and re-classify the loan (the officer of record or an administrator, before the committee decides)</source>
        <translation>Take the selected document off file and re-classify the loan (the officer of record or an administrator, before the committee decides)</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <source>Open the selected document with the system&apos;s viewer (the file is checked against its SHA-256 first)</source>
        <translation>Open the selected document with the system&apos;s viewer (the file is checked against its SHA-256 first)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Missing evidence</source>
        <translation>Missing evidence</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>Supply</translation>
    </message>
    <message>
        <source>Choose a missing item on the left.</source>
        <translation>Choose a missing item on the left.</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Solar technology</source>
        <translation>Solar technology</translation>
    </message>
    <message>
        <source>PV cell type</source>
        <translation>PV cell type</translation>
    </message>
    <message>
        <source>Module conversion efficiency</source>
        <translation>Module conversion efficiency</translation>
    </message>
    <message>
        <source>First-year module degradation</source>
        <translation>First-year module degradation</translation>
    </message>
    <message>
        <source>Module degradation a year after the first</source>
        <translation>Module degradation a year after the first</translation>
    </message>
    <message>
        <source>photovoltaic (PV)</source>
        <translation>photovoltaic (PV)</translation>
    </message>
    <message>
        <source>concentrated solar power (CSP)</source>
        <translation>concentrated solar power (CSP)</translation>
    </message>
    <message>
        <source>polycrystalline silicon</source>
        <translation>polycrystalline silicon</translation>
    </message>
    <message>
        <source>monocrystalline silicon</source>
        <translation>monocrystalline silicon</translation>
    </message>
    <message>
        <source>high-concentration PV</source>
        <translation>high-concentration PV</translation>
    </message>
    <message>
        <source>silicon thin film</source>
        <translation>silicon thin film</translation>
    </message>
    <message>
        <source>CIGS thin film</source>
        <translation>CIGS thin film</translation>
    </message>
    <message>
        <source>CdTe thin film</source>
        <translation>CdTe thin film</translation>
    </message>
    <message>
        <source>value</source>
        <translation>value</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>elsewhere</source>
        <translation>elsewhere</translation>
    </message>
    <message>
        <source>Missing item</source>
        <translation>Missing item</translation>
    </message>
    <message>
        <source>Supplied by</source>
        <translation>Supplied by</translation>
    </message>
    <message>
        <source>Evidence kind</source>
        <translation>Evidence kind</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Class: {}</source>
        <translation>Class: {}</translation>
    </message>
    <message>
        <source>{} item(s) missing</source>
        <translation>{} item(s) missing</translation>
    </message>
    <message>
        <source>no missing evidence</source>
        <translation>no missing evidence</translation>
    </message>
    <message>
        <source>Supplied in another editor.</source>
        <translation>Supplied in another editor.</translation>
    </message>
    <message>
        <source>Document received</source>
        <translation>Document received</translation>
    </message>
    <message>
        <source>Re-classifying the loan…</source>
        <translation>Re-classifying the loan…</translation>
    </message>
    <message>
        <source>the authority that issued it</source>
        <translation>the authority that issued it</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>document number (optional)</source>
        <translation>document number (optional)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>the scanned document (PDF, image)</source>
        <translation>the scanned document (PDF, image)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Supply and re-classify</source>
        <translation>Supply and re-classify</translation>
    </message>
    <message>
        <source>Documents on file</source>
        <translation>Documents on file</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Yuan only (元)</source>
        <translation>Yuan only (元)</translation>
    </message>
    <message>
        <source>Ten thousand yuan (万元)</source>
        <translation>Ten thousand yuan (万元)</translation>
    </message>
    <message>
        <source>Hundred million yuan (亿元)</source>
        <translation>Hundred million yuan (亿元)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation>Export workbook</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>file: required</source>
        <translation>file: required</translation>
    </message>
    <message>
        <source>Writing loan {done} of {total}…</source>
        <translation>Writing loan {done} of {total}…</translation>
    </message>
    <message>
        <source>Exporting the portfolio workbook…</source>
        <translation>Exporting the portfolio workbook…</translation>
    </message>
    <message>
        <source>Export portfolio workbook</source>
        <translation>Export portfolio workbook</translation>
    </message>
    <message>
        <source>Writes the portfolio workbook (summary, loans, collateral, syndicate, maturity ladder) for Excel.</source>
        <translation>Writes the portfolio workbook (summary, loans, collateral, syndicate, maturity ladder) for Excel.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Amounts also in</source>
        <translation>Amounts also in</translation>
    </message>
    <message>
        <source>Each money column stays exact in yuan; a column in ten thousand or hundred million yuan is added beside it.</source>
        <translation>Each money column stays exact in yuan; a column in ten thousand or hundred million yuan is added beside it.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>No collateral</source>
        <translation>No collateral</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Start from</translation>
    </message>
    <message>
        <source>Start to</source>
        <translation>Start to</translation>
    </message>
    <message>
        <source>Maturity from</source>
        <translation>Maturity from</translation>
    </message>
    <message>
        <source>Maturity to</source>
        <translation>Maturity to</translation>
    </message>
    <message>
        <source>No catalogue item</source>
        <translation>No catalogue item</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>{field}: {text} is not a date (YYYY-MM-DD)</source>
        <translation>{field}: {text} is not a date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>Collateral</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>from YYYY-MM-DD</source>
        <translation>from YYYY-MM-DD</translation>
    </message>
    <message>
        <source>to YYYY-MM-DD</source>
        <translation>to YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>Maturity</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>password: the two entries differ</source>
        <translation>password: the two entries differ</translation>
    </message>
    <message>
        <source>Create the administrator</source>
        <translation>Create the administrator</translation>
    </message>
    <message>
        <source>This database has no administrator yet. Create one now: the administrator adds officers and committee members, keeps reference prices and rates, and restores backups.</source>
        <translation>This database has no administrator yet. Create one now: the administrator adds officers and committee members, keeps reference prices and rates, and restores backups.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>e.g. admin</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repeat password</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>No events recorded for this loan.</source>
        <translation>No events recorded for this loan.</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Select an event to see the audit record behind it.</source>
        <translation>Select an event to see the audit record behind it.</translation>
    </message>
</context>
<context>
    <name>KpiObservationDialog</name>
    <message>
        <source>You are this loan&apos;s officer of record: your entry is kept, but only an observation entered by someone else, with a verifier and a report, moves the margin.</source>
        <translation>You are this loan&apos;s officer of record: your entry is kept, but only an observation entered by someone else, with a verifier and a report, moves the margin.</translation>
    </message>
    <message>
        <source>A verifier named and a report attached make the observation verified: it then decides the test and moves the margin.</source>
        <translation>A verifier named and a report attached make the observation verified: it then decides the test and moves the margin.</translation>
    </message>
    <message>
        <source>met when the value is {sign} {target} (baseline {baseline})</source>
        <translation>met when the value is {sign} {target} (baseline {baseline})</translation>
    </message>
    <message>
        <source>Verification report</source>
        <translation>Verification report</translation>
    </message>
    <message>
        <source>Record a KPI observation</source>
        <translation>Record a KPI observation</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Test date</source>
        <translation>Test date</translation>
    </message>
    <message>
        <source>Observed value</source>
        <translation>Observed value</translation>
    </message>
    <message>
        <source>Against the SPT</source>
        <translation>Against the SPT</translation>
    </message>
    <message>
        <source>Period covered</source>
        <translation>Period covered</translation>
    </message>
    <message>
        <source>from YYYY-MM-DD</source>
        <translation>from YYYY-MM-DD</translation>
    </message>
    <message>
        <source>to YYYY-MM-DD</source>
        <translation>to YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Verifier</source>
        <translation>Verifier</translation>
    </message>
    <message>
        <source>the report file (PDF, scan)</source>
        <translation>the report file (PDF, scan)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Report number and date</source>
        <translation>Report number and date</translation>
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
        <translation>no observation yet</translation>
    </message>
    <message>
        <source>verified by {verifier}</source>
        <translation>verified by {verifier}</translation>
    </message>
    <message>
        <source>does not count: {reason}</source>
        <translation>does not count: {reason}</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Test date</source>
        <translation>Test date</translation>
    </message>
    <message>
        <source>Grace until</source>
        <translation>Grace until</translation>
    </message>
    <message>
        <source>Observed against the SPT</source>
        <translation>Observed against the SPT</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Step (bps)</source>
        <translation>Step (bps)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>From period</source>
        <translation>From period</translation>
    </message>
    <message>
        <source>Its rate</source>
        <translation>Its rate</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>as originated</source>
        <translation>as originated</translation>
    </message>
    <message>
        <source>{kpi} {day}: {outcome}, {step} bps</source>
        <translation>{kpi} {day}: {outcome}, {step} bps</translation>
    </message>
    <message>
        <source>No margin ratchet: results are judged and disclosed only.</source>
        <translation>No margin ratchet: results are judged and disclosed only.</translation>
    </message>
    <message>
        <source>Met: margin −{down} bps · missed: +{up} bps · cap ±{cap} bps · grace {grace} days · margin change in force: {total} bps</source>
        <translation>Met: margin −{down} bps · missed: +{up} bps · cap ±{cap} bps · grace {grace} days · margin change in force: {total} bps</translation>
    </message>
    <message>
        <source>Recorded and verified: {result}. Margin {step} bps; schedule version {v}.</source>
        <translation>Recorded and verified: {result}. Margin {step} bps; schedule version {v}.</translation>
    </message>
    <message>
        <source>Recorded. It does not move the margin.</source>
        <translation>Recorded. It does not move the margin.</translation>
    </message>
    <message>
        <source>Decide overdue tests</source>
        <translation>Decide overdue tests</translation>
    </message>
    <message>
        <source>Tests whose grace period ended without a verified observation count as missed: the margin steps up. Decide them now?</source>
        <translation>Tests whose grace period ended without a verified observation count as missed: the margin steps up. Decide them now?</translation>
    </message>
    <message>
        <source>{n} test(s) decided as missed.</source>
        <translation>{n} test(s) decided as missed.</translation>
    </message>
    <message>
        <source>Tests: observation, verification and result</source>
        <translation>Tests: observation, verification and result</translation>
    </message>
    <message>
        <source>Margin history (schedule versions)</source>
        <translation>Margin history (schedule versions)</translation>
    </message>
    <message>
        <source>Record observation…</source>
        <translation>Record observation…</translation>
    </message>
    <message>
        <source>Decide overdue tests as missed</source>
        <translation>Decide overdue tests as missed</translation>
    </message>
</context>
<context>
    <name>LoanDetail</name>
    <message>
        <source>{n} grace periods</source>
        <translation>{n} grace periods</translation>
    </message>
    <message>
        <source>{n} lenders</source>
        <translation>{n} lenders</translation>
    </message>
    <message>
        <source>Computing the schedule…</source>
        <translation>Computing the schedule…</translation>
    </message>
    <message>
        <source>Select a loan on the left to see its borrower, project, schedule, collateral, classification and history.</source>
        <translation>Select a loan on the left to see its borrower, project, schedule, collateral, classification and history.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Carbon grade</source>
        <translation>Carbon grade</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Repayment</source>
        <translation>Repayment</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>Prepared by</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Catalogue item</source>
        <translation>Catalogue item</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Total investment</source>
        <translation>Total investment</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Environmental benefit</source>
        <translation>Environmental benefit</translation>
    </message>
    <message>
        <source>CO2e reduction</source>
        <translation>CO2e reduction</translation>
    </message>
    <message>
        <source>Carbon sink</source>
        <translation>Carbon sink</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Green share</source>
        <translation>Green share</translation>
    </message>
    <message>
        <source>Terms and schedule</source>
        <translation>Terms and schedule</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>Collateral</translation>
    </message>
    <message>
        <source>Add pledge…</source>
        <translation>Add pledge…</translation>
    </message>
    <message>
        <source>Edit pledge…</source>
        <translation>Edit pledge…</translation>
    </message>
    <message>
        <source>Remove pledge</source>
        <translation>Remove pledge</translation>
    </message>
    <message>
        <source>Double-click a missing item to supply it.</source>
        <translation>Double-click a missing item to supply it.</translation>
    </message>
    <message>
        <source>Supply missing evidence…</source>
        <translation>Supply missing evidence…</translation>
    </message>
    <message>
        <source>Officer&apos;s override</source>
        <translation>Officer&apos;s override</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Save override</source>
        <translation>Save override</translation>
    </message>
    <message>
        <source>Remove override</source>
        <translation>Remove override</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>GreenDesk (automatic)</source>
        <translation>GreenDesk (automatic)</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Allocation</translation>
    </message>
</context>
<context>
    <name>LoanDialog</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Lender</source>
        <translation>Lender</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Percent (%)</source>
        <translation>Percent (%)</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Target (SPT)</source>
        <translation>Target (SPT)</translation>
    </message>
    <message>
        <source>Test dates</source>
        <translation>Test dates</translation>
    </message>
    <message>
        <source>Verifier</source>
        <translation>Verifier</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <source>Adjustment (bp)</source>
        <translation>Adjustment (bp)</translation>
    </message>
    <message>
        <source>Catalogue item</source>
        <translation>Catalogue item</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>1 cell is not a valid amount and is left out</source>
        <translation>1 cell is not a valid amount and is left out</translation>
    </message>
    <message>
        <source>{count} cells are not valid amounts and are left out</source>
        <translation>{count} cells are not valid amounts and are left out</translation>
    </message>
    <message>
        <source>remaining {left}</source>
        <translation>remaining {left}</translation>
    </message>
    <message>
        <source>Total {total}</source>
        <translation>Total {total}</translation>
    </message>
    <message>
        <source>Total {total} / loan amount {amount}</source>
        <translation>Total {total} / loan amount {amount}</translation>
    </message>
    <message>
        <source>{over} above the loan amount</source>
        <translation>{over} above the loan amount</translation>
    </message>
    <message>
        <source>adds up to the loan amount</source>
        <translation>adds up to the loan amount</translation>
    </message>
    <message>
        <source>No lenders: a bilateral loan</source>
        <translation>No lenders: a bilateral loan</translation>
    </message>
    <message>
        <source>Commitments {total}</source>
        <translation>Commitments {total}</translation>
    </message>
    <message>
        <source>Commitments {total} / loan amount {amount}</source>
        <translation>Commitments {total} / loan amount {amount}</translation>
    </message>
    <message>
        <source>add up to the loan amount</source>
        <translation>add up to the loan amount</translation>
    </message>
    <message>
        <source>{gap} over: commitments must add up to the loan amount</source>
        <translation>{gap} over: commitments must add up to the loan amount</translation>
    </message>
    <message>
        <source>{gap} short: commitments must add up to the loan amount</source>
        <translation>{gap} short: commitments must add up to the loan amount</translation>
    </message>
    <message>
        <source>Total {total} / drawn total {drawn}</source>
        <translation>Total {total} / drawn total {drawn}</translation>
    </message>
    <message>
        <source>{over} above the drawn total</source>
        <translation>{over} above the drawn total</translation>
    </message>
    <message>
        <source>adds up to the drawn total</source>
        <translation>adds up to the drawn total</translation>
    </message>
    <message>
        <source>Total {percent} % of the drawn total</source>
        <translation>Total {percent} % of the drawn total</translation>
    </message>
    <message>
        <source>{over} % above 100 %</source>
        <translation>{over} % above 100 %</translation>
    </message>
    <message>
        <source>adds up to 100 %</source>
        <translation>adds up to 100 %</translation>
    </message>
    <message>
        <source>remaining {left} %</source>
        <translation>remaining {left} %</translation>
    </message>
    <message>
        <source>{count} percent cells are not numbers</source>
        <translation>{count} percent cells are not numbers</translation>
    </message>
    <message>
        <source>enter a valid loan amount to compare</source>
        <translation>enter a valid loan amount to compare</translation>
    </message>
    <message>
        <source>blank: {n} (house default)</source>
        <translation>blank: {n} (house default)</translation>
    </message>
    <message>
        <source>New loan application</source>
        <translation>New loan application</translation>
    </message>
    <message>
        <source>Loan {}</source>
        <translation>Loan {}</translation>
    </message>
    <message>
        <source>(no project)</source>
        <translation>(no project)</translation>
    </message>
    <message>
        <source>Loan application</source>
        <translation>Loan application</translation>
    </message>
    <message>
        <source>Parties and amount</source>
        <translation>Parties and amount</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>blank: generated on saving</source>
        <translation>blank: generated on saving</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>Term (months)</translation>
    </message>
    <message>
        <source>Coverage threshold</source>
        <translation>Coverage threshold</translation>
    </message>
    <message>
        <source>Rate and repayment</source>
        <translation>Rate and repayment</translation>
    </message>
    <message>
        <source>Interest rate</source>
        <translation>Interest rate</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Fixed annual rate</source>
        <translation>Fixed annual rate</translation>
    </message>
    <message>
        <source>blank: no cap</source>
        <translation>blank: no cap</translation>
    </message>
    <message>
        <source>KPI grace period (days)</source>
        <translation>KPI grace period (days)</translation>
    </message>
    <message>
        <source>Days after a test date within which a verified observation still decides the test; after that the test counts as missed.</source>
        <translation>Days after a test date within which a verified observation still decides the test; after that the test counts as missed.</translation>
    </message>
    <message>
        <source>Each step changes the margin by the given basis points (negative: a reduction) from the first period starting on or after its date; the cumulative change stays within the cap.</source>
        <translation>Each step changes the margin by the given basis points (negative: a reduction) from the first period starting on or after its date; the cumulative change stays within the cap.</translation>
    </message>
    <message>
        <source>Base rate</source>
        <translation>Base rate</translation>
    </message>
    <message>
        <source>Base rate value</source>
        <translation>Base rate value</translation>
    </message>
    <message>
        <source>Spread (bp)</source>
        <translation>Spread (bp)</translation>
    </message>
    <message>
        <source>Base-rate path: the published base rate from each date on. At each anniversary the rate is repriced to the last entry on or before it. Leave empty to keep the base rate above.</source>
        <translation>Base-rate path: the published base rate from each date on. At each anniversary the rate is repriced to the last entry on or before it. Leave empty to keep the base rate above.</translation>
    </message>
    <message>
        <source>Repayment</source>
        <translation>Repayment</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>Repayment method</source>
        <translation>Repayment method</translation>
    </message>
    <message>
        <source>Grace periods</source>
        <translation>Grace periods</translation>
    </message>
    <message>
        <source>Day count</source>
        <translation>Day count</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Business day rule</source>
        <translation>Business day rule</translation>
    </message>
    <message>
        <source>Annuity on an actual-day basis (ACT/360, ACT/365F): interest follows the actual days while the instalment assumes equal periods, so the last payment absorbs the difference and on a 20-year monthly loan can be about twice the instalment. Choose 30/360 for level instalments.</source>
        <translation>Annuity on an actual-day basis (ACT/360, ACT/365F): interest follows the actual days while the instalment assumes equal periods, so the last payment absorbs the difference and on a 20-year monthly loan can be about twice the instalment. Choose 30/360 for level instalments.</translation>
    </message>
    <message>
        <source>Repayment plan (custom method only): principal repaid at chosen period ends, as amounts adding up to the drawn total or as percents adding up to 100, one form throughout.</source>
        <translation>Repayment plan (custom method only): principal repaid at chosen period ends, as amounts adding up to the drawn total or as percents adding up to 100, one form throughout.</translation>
    </message>
    <message>
        <source>Drawdowns</source>
        <translation>Drawdowns</translation>
    </message>
    <message>
        <source>Dates and amounts drawn during construction; leave empty to draw the whole amount on the start date.</source>
        <translation>Dates and amounts drawn during construction; leave empty to draw the whole amount on the start date.</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>Syndicate</source>
        <translation>Syndicate</translation>
    </message>
    <message>
        <source>Each lender&apos;s role and commitment; commitments add up to the facility amount. Leave empty for a bilateral loan.</source>
        <translation>Each lender&apos;s role and commitment; commitments add up to the facility amount. Leave empty for a bilateral loan.</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Arrangement fee rate</source>
        <translation>Arrangement fee rate</translation>
    </message>
    <message>
        <source>Commitment fee (bp a year)</source>
        <translation>Commitment fee (bp a year)</translation>
    </message>
    <message>
        <source>Agency fee a year (CNY)</source>
        <translation>Agency fee a year (CNY)</translation>
    </message>
    <message>
        <source>Use of proceeds</source>
        <translation>Use of proceeds</translation>
    </message>
    <message>
        <source>Green use of proceeds: the catalogue item each part funds (with its catalogue edition), what it is for, and the amount. Together the parts may not exceed the loan amount.</source>
        <translation>Green use of proceeds: the catalogue item each part funds (with its catalogue edition), what it is for, and the amount. Together the parts may not exceed the loan amount.</translation>
    </message>
    <message>
        <source>Carbon-linked</source>
        <translation>Carbon-linked</translation>
    </message>
    <message>
        <source>Sustainability-linked terms: each KPI with its baseline, target (SPT), test dates and verifier, and the margin steps that follow the tests. Leave empty for a loan without them.</source>
        <translation>Sustainability-linked terms: each KPI with its baseline, target (SPT), test dates and verifier, and the margin steps that follow the tests. Leave empty for a loan without them.</translation>
    </message>
    <message>
        <source>Key performance indicators</source>
        <translation>Key performance indicators</translation>
    </message>
    <message>
        <source>Test dates: one or more dates (YYYY-MM-DD) separated by commas or semicolons.</source>
        <translation>Test dates: one or more dates (YYYY-MM-DD) separated by commas or semicolons.</translation>
    </message>
    <message>
        <source>Margin ratchet</source>
        <translation>Margin ratchet</translation>
    </message>
    <message>
        <source>Ratchet cap (bp)</source>
        <translation>Ratchet cap (bp)</translation>
    </message>
    <message>
        <source>Carbon-account pricing: the borrower has no carbon-account grade.</source>
        <translation>Carbon-account pricing: the borrower has no carbon-account grade.</translation>
    </message>
    <message>
        <source>Carbon-account pricing: {}</source>
        <translation>Carbon-account pricing: {}</translation>
    </message>
    <message>
        <source>Schedule preview</source>
        <translation>Schedule preview</translation>
    </message>
    <message>
        <source>Computing the schedule…</source>
        <translation>Computing the schedule…</translation>
    </message>
    <message>
        <source>(+{n} more)</source>
        <translation>(+{n} more)</translation>
    </message>
    <message>
        <source>from the rate table on the start date</source>
        <translation>from the rate table on the start date</translation>
    </message>
    <message>
        <source>No {name} in the rate table on or before {day}: type it.</source>
        <translation>No {name} in the rate table on or before {day}: type it.</translation>
    </message>
    <message>
        <source>{name} {rate}, in force since {day} (rate table{source})</source>
        <translation>{name} {rate}, in force since {day} (rate table{source})</translation>
    </message>
</context>
<context>
    <name>LoanTable</name>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>Maturity</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Database: {}</source>
        <translation>Database: {}</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>This is the demo database: the article&apos;s portfolio, for trying GreenDesk out. Its accounts:&lt;br&gt;{accounts}&lt;br&gt;Password for each: &lt;b&gt;{password}&lt;/b&gt;</source>
        <translation>This is the demo database: the article&apos;s portfolio, for trying GreenDesk out. Its accounts:&lt;br&gt;{accounts}&lt;br&gt;Password for each: &lt;b&gt;{password}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Log in to GreenDesk</source>
        <translation>Log in to GreenDesk</translation>
    </message>
    <message>
        <source>Sign in with your GreenDesk user name and password.</source>
        <translation>Sign in with your GreenDesk user name and password.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>GreenDesk — green loan desk</source>
        <translation>GreenDesk — green loan desk</translation>
    </message>
    <message>
        <source>{n} loans</source>
        <translation>{n} loans</translation>
    </message>
    <message>
        <source>No loan matches “{text}”.</source>
        <translation>No loan matches “{text}”.</translation>
    </message>
    <message>
        <source>No loan matches the filters.</source>
        <translation>No loan matches the filters.</translation>
    </message>
    <message>
        <source>No loans yet. Start one with New loan (Ctrl+N).</source>
        <translation>No loans yet. Start one with New loan (Ctrl+N).</translation>
    </message>
    <message>
        <source>Search reference, borrower, project, region…</source>
        <translation>Search reference, borrower, project, region…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Loans</source>
        <translation>&amp;Loans</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>New loan…</source>
        <translation>New loan…</translation>
    </message>
    <message>
        <source>Start a new loan application</source>
        <translation>Start a new loan application</translation>
    </message>
    <message>
        <source>Edit loan…</source>
        <translation>Edit loan…</translation>
    </message>
    <message>
        <source>Change the selected application&apos;s terms</source>
        <translation>Change the selected application&apos;s terms</translation>
    </message>
    <message>
        <source>New borrower…</source>
        <translation>New borrower…</translation>
    </message>
    <message>
        <source>Edit borrower…</source>
        <translation>Edit borrower…</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <source>Edit project…</source>
        <translation>Edit project…</translation>
    </message>
    <message>
        <source>Add pledge…</source>
        <translation>Add pledge…</translation>
    </message>
    <message>
        <source>Attach collateral to the selected loan</source>
        <translation>Attach collateral to the selected loan</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Submit the application to the credit committee</source>
        <translation>Submit the application to the credit committee</translation>
    </message>
    <message>
        <source>Start review</source>
        <translation>Start review</translation>
    </message>
    <message>
        <source>Take the submitted application into committee review</source>
        <translation>Take the submitted application into committee review</translation>
    </message>
    <message>
        <source>Vote…</source>
        <translation>Vote…</translation>
    </message>
    <message>
        <source>Cast your committee vote</source>
        <translation>Cast your committee vote</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>Record decision</translation>
    </message>
    <message>
        <source>Record the committee decision once the quorum is met</source>
        <translation>Record the committee decision once the quorum is met</translation>
    </message>
    <message>
        <source>Return for changes…</source>
        <translation>Return for changes…</translation>
    </message>
    <message>
        <source>Send the application back to the officer</source>
        <translation>Send the application back to the officer</translation>
    </message>
    <message>
        <source>Disburse</source>
        <translation>Disburse</translation>
    </message>
    <message>
        <source>Mark the approved loan as disbursed</source>
        <translation>Mark the approved loan as disbursed</translation>
    </message>
    <message>
        <source>Close loan</source>
        <translation>Close loan</translation>
    </message>
    <message>
        <source>Mark the disbursed loan as repaid</source>
        <translation>Mark the disbursed loan as repaid</translation>
    </message>
    <message>
        <source>Reopen as new version</source>
        <translation>Reopen as new version</translation>
    </message>
    <message>
        <source>Change approved terms through a new application version</source>
        <translation>Change approved terms through a new application version</translation>
    </message>
    <message>
        <source>Credit memo…</source>
        <translation>Credit memo…</translation>
    </message>
    <message>
        <source>Preview and save the credit memo PDF</source>
        <translation>Preview and save the credit memo PDF</translation>
    </message>
    <message>
        <source>Export workbook…</source>
        <translation>Export workbook…</translation>
    </message>
    <message>
        <source>Export the portfolio workbook for Excel</source>
        <translation>Export the portfolio workbook for Excel</translation>
    </message>
    <message>
        <source>Portfolio dashboard</source>
        <translation>Portfolio dashboard</translation>
    </message>
    <message>
        <source>Charts of the listed loans: classes, categories, collateral, coverage, maturities, benefit</source>
        <translation>Charts of the listed loans: classes, categories, collateral, coverage, maturities, benefit</translation>
    </message>
    <message>
        <source>Backup and restore…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Users…</source>
        <translation>Users…</translation>
    </message>
    <message>
        <source>Add users, change roles, reset passwords, deactivate accounts</source>
        <translation>Add users, change roles, reset passwords, deactivate accounts</translation>
    </message>
    <message>
        <source>Reference prices and rates…</source>
        <translation>Reference prices and rates…</translation>
    </message>
    <message>
        <source>Maintain carbon reference prices and LPR base rates; loans are revalued at once</source>
        <translation>Maintain carbon reference prices and LPR base rates; loans are revalued at once</translation>
    </message>
    <message>
        <source>Committee quorum…</source>
        <translation>Committee quorum…</translation>
    </message>
    <message>
        <source>Set how many votes, and what approving share, a committee decision needs</source>
        <translation>Set how many votes, and what approving share, a committee decision needs</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <source>About GreenDesk</source>
        <translation>About GreenDesk</translation>
    </message>
    <message>
        <source>Holiday calendar…</source>
        <translation>Holiday calendar…</translation>
    </message>
    <message>
        <source>Official and projected public holidays by year; load a State Council notice and re-derive loans&apos; payment dates</source>
        <translation>Official and projected public holidays by year; load a State Council notice and re-derive loans&apos; payment dates</translation>
    </message>
    <message>
        <source>Demo password — change it (File → Change my password…)</source>
        <translation>Demo password — change it (File → Change my password…)</translation>
    </message>
</context>
<context>
    <name>MarketDataDialog</name>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <source>Annual rate</source>
        <translation>Annual rate</translation>
    </message>
    <message>
        <source>{instrument} price of {day}</source>
        <translation>{instrument} price of {day}</translation>
    </message>
    <message>
        <source>{what} deleted.</source>
        <translation>{what} deleted.</translation>
    </message>
    <message>
        <source>{what} saved.</source>
        <translation>{what} saved.</translation>
    </message>
    <message>
        <source>Loans revalued with the new prices: {n}.</source>
        <translation>Loans revalued with the new prices: {n}.</translation>
    </message>
    <message>
        <source>Deleting the price and revaluing the pledged loans…</source>
        <translation>Deleting the price and revaluing the pledged loans…</translation>
    </message>
    <message>
        <source>Delete the {instrument} price of {day} ({price} {unit})? Loans pledged with {instrument} are revalued at once.</source>
        <translation>Delete the {instrument} price of {day} ({price} {unit})? Loans pledged with {instrument} are revalued at once.</translation>
    </message>
    <message>
        <source>Delete price</source>
        <translation>Delete price</translation>
    </message>
    <message>
        <source>{name} effective {day}</source>
        <translation>{name} effective {day}</translation>
    </message>
    <message>
        <source>Delete {name} effective {day} ({rate})?</source>
        <translation>Delete {name} effective {day} ({rate})?</translation>
    </message>
    <message>
        <source>Delete rate</source>
        <translation>Delete rate</translation>
    </message>
    <message>
        <source>1-year LPR</source>
        <translation>1-year LPR</translation>
    </message>
    <message>
        <source>5-year-and-over LPR</source>
        <translation>5-year-and-over LPR</translation>
    </message>
    <message>
        <source>Reference prices and rates</source>
        <translation>Reference prices and rates</translation>
    </message>
    <message>
        <source>Carbon reference prices</source>
        <translation>Carbon reference prices</translation>
    </message>
    <message>
        <source>Reference prices value pledged allowances, CCERs and carbon-sink rights (quantity × price). Saving a price revalues, at once, every current loan pledged with that instrument.</source>
        <translation>Reference prices value pledged allowances, CCERs and carbon-sink rights (quantity × price). Saving a price revalues, at once, every current loan pledged with that instrument.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Base rates (LPR)</source>
        <translation>Base rates (LPR)</translation>
    </message>
    <message>
        <source>Loan Prime Rates as published, each in force from its effective date. Floating-rate loans are repriced from these on their contractual dates.</source>
        <translation>Loan Prime Rates as published, each in force from its effective date. Floating-rate loans are repriced from these on their contractual dates.</translation>
    </message>
</context>
<context>
    <name>MemoDialog</name>
    <message>
        <source>Summary figures in this unit, rounded half-up to 0.01; the appendices&apos; schedules stay exact in yuan</source>
        <translation>Summary figures in this unit, rounded half-up to 0.01; the appendices&apos; schedules stay exact in yuan</translation>
    </message>
    <message>
        <source>Amounts in</source>
        <translation>Amounts in</translation>
    </message>
    <message>
        <source>Credit memo {}</source>
        <translation>Credit memo {}</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>Rendering…</translation>
    </message>
    <message>
        <source>Rendering the credit memo…</source>
        <translation>Rendering the credit memo…</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <source>{size} KB, ready to save</source>
        <translation>{size} KB, ready to save</translation>
    </message>
    <message>
        <source>Save credit memo</source>
        <translation>Save credit memo</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot save {path}: {err}</source>
        <translation>Cannot save {path}: {err}</translation>
    </message>
    <message>
        <source>Saved to {}</source>
        <translation>Saved to {}</translation>
    </message>
    <message>
        <source>Credit memo</source>
        <translation>Credit memo</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Render again</source>
        <translation>Render again</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Save PDF…</translation>
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
        <translation>Cannot use {path}: {why}</translation>
    </message>
</context>
<context>
    <name>MoneyUnits</name>
    <message>
        <source>Amounts in</source>
        <translation>Amounts in</translation>
    </message>
    <message>
        <source>Yuan (元)</source>
        <translation>Yuan (元)</translation>
    </message>
    <message>
        <source>Ten thousand yuan (万元)</source>
        <translation>Ten thousand yuan (万元)</translation>
    </message>
    <message>
        <source>Hundred million yuan (亿元)</source>
        <translation>Hundred million yuan (亿元)</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>OsErrors</name>
    <message>
        <source>the folder or file does not exist</source>
        <translation>the folder or file does not exist</translation>
    </message>
    <message>
        <source>part of the path is not a folder</source>
        <translation>part of the path is not a folder</translation>
    </message>
    <message>
        <source>that is a folder, not a file</source>
        <translation>that is a folder, not a file</translation>
    </message>
    <message>
        <source>no permission to write there</source>
        <translation>no permission to write there</translation>
    </message>
    <message>
        <source>the operating system does not allow it</source>
        <translation>the operating system does not allow it</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>the disk is read-only</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>the disk quota is used up</translation>
    </message>
    <message>
        <source>the file name is too long</source>
        <translation>the file name is too long</translation>
    </message>
    <message>
        <source>a file of that name already exists</source>
        <translation>a file of that name already exists</translation>
    </message>
    <message>
        <source>the file is in use by another program</source>
        <translation>the file is in use by another program</translation>
    </message>
    <message>
        <source>the file name is not allowed here</source>
        <translation>the file name is not allowed here</translation>
    </message>
    <message>
        <source>system error: {detail}</source>
        <translation>system error: {detail}</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>{months} months, {start} to {end}</source>
        <translation>{months} months, {start} to {end}</translation>
    </message>
    <message>
        <source>tCO2e a year</source>
        <translation>tCO2e a year</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>Change the password you log in with as {user}. Enter your current password first.</source>
        <translation>Change the password you log in with as {user}. Enter your current password first.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Set a new password for {name} ({user}). Give it to them in person; they can change it themselves after logging in.</source>
        <translation>Set a new password for {name} ({user}). Give it to them in person; they can change it themselves after logging in.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <source>The account {user} still has the public demo password, which anyone can read in the manual. Choose your own password before you go on.</source>
        <translation>The account {user} still has the public demo password, which anyone can read in the manual. Choose your own password before you go on.</translation>
    </message>
</context>
<context>
    <name>PledgeDialog</name>
    <message>
        <source>Add pledge</source>
        <translation>Add pledge</translation>
    </message>
    <message>
        <source>Pledge {}</source>
        <translation>Pledge {}</translation>
    </message>
    <message>
        <source>Pledge</source>
        <translation>Pledge</translation>
    </message>
    <message>
        <source>Collateral type</source>
        <translation>Collateral type</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Price instrument</source>
        <translation>Price instrument</translation>
    </message>
    <message>
        <source>Unit price (CNY)</source>
        <translation>Unit price (CNY)</translation>
    </message>
    <message>
        <source>Appraised value (CNY)</source>
        <translation>Appraised value (CNY)</translation>
    </message>
    <message>
        <source>Valuation date</source>
        <translation>Valuation date</translation>
    </message>
    <message>
        <source>Pledge rate</source>
        <translation>Pledge rate</translation>
    </message>
    <message>
        <source>blank: the type&apos;s default</source>
        <translation>blank: the type&apos;s default</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Registration number</translation>
    </message>
    <message>
        <source>Vintage year</source>
        <translation>Vintage year</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Own unit price (CNY, fallback)</source>
        <translation>Own unit price (CNY, fallback)</translation>
    </message>
    <message>
        <source>Date of own price</source>
        <translation>Date of own price</translation>
    </message>
    <message>
        <source>Valued at the latest reference price on file, dated by that price; this price and date are used only when no reference price exists.</source>
        <translation>Valued at the latest reference price on file, dated by that price; this price and date are used only when no reference price exists.</translation>
    </message>
    <message>
        <source>The date of the appraisal or price the value rests on.</source>
        <translation>The date of the appraisal or price the value rests on.</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <source>Add reference price</source>
        <translation>Add reference price</translation>
    </message>
    <message>
        <source>{instrument} price of {day}</source>
        <translation>{instrument} price of {day}</translation>
    </message>
    <message>
        <source>Saving the price and revaluing the pledged loans…</source>
        <translation>Saving the price and revaluing the pledged loans…</translation>
    </message>
    <message>
        <source>Reference price</source>
        <translation>Reference price</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Price date</source>
        <translation>Price date</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>yuan per unit, e.g. 72.50</source>
        <translation>yuan per unit, e.g. 72.50</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>e.g. exchange closing price</source>
        <translation>e.g. exchange closing price</translation>
    </message>
</context>
<context>
    <name>ProgrammesTab</name>
    <message>
        <source>Carbon account</source>
        <translation>Carbon account</translation>
    </message>
    <message>
        <source>CERF disclosure…</source>
        <translation>CERF disclosure…</translation>
    </message>
    <message>
        <source>met</source>
        <translation>met</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Condition or note</source>
        <translation>Condition or note</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>Assessed</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Intensity</source>
        <translation>Intensity</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Reading the programmes…</source>
        <translation>Reading the programmes…</translation>
    </message>
    <message>
        <source>eligible</source>
        <translation>eligible</translation>
    </message>
    <message>
        <source>not eligible</source>
        <translation>not eligible</translation>
    </message>
    <message>
        <source>eligible outstanding {amount}</source>
        <translation>eligible outstanding {amount}</translation>
    </message>
    <message>
        <source>refinancing {amount} ({share} at {rate})</source>
        <translation>refinancing {amount} ({share} at {rate})</translation>
    </message>
    <message>
        <source>funding benefit over the loan&apos;s life {amount}</source>
        <translation>funding benefit over the loan&apos;s life {amount}</translation>
    </message>
    <message>
        <source>{tonnes} tCO2e a year</source>
        <translation>{tonnes} tCO2e a year</translation>
    </message>
    <message>
        <source>Carbon-account grade: {grade}</source>
        <translation>Carbon-account grade: {grade}</translation>
    </message>
    <message>
        <source>The borrower is not on a carbon-account platform.</source>
        <translation>The borrower is not on a carbon-account platform.</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>Project {}</source>
        <translation>Project {}</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Catalogue item</source>
        <translation>Catalogue item</translation>
    </message>
    <message>
        <source>Capacity (MW)</source>
        <translation>Capacity (MW)</translation>
    </message>
    <message>
        <source>Capacity note</source>
        <translation>Capacity note</translation>
    </message>
    <message>
        <source>Total investment (CNY)</source>
        <translation>Total investment (CNY)</translation>
    </message>
    <message>
        <source>CO2e reduction (t a year)</source>
        <translation>CO2e reduction (t a year)</translation>
    </message>
    <message>
        <source>Carbon sink (t)</source>
        <translation>Carbon sink (t)</translation>
    </message>
    <message>
        <source>Emissions data</source>
        <translation>Emissions data</translation>
    </message>
</context>
<context>
    <name>QuorumDialog</name>
    <message>
        <source>A decision needs at least {n} votes cast, with at least {share} ({pct}) of them approving.</source>
        <translation>A decision needs at least {n} votes cast, with at least {share} ({pct}) of them approving.</translation>
    </message>
    <message>
        <source>A decision needs at least {n} votes cast, with more than {share} ({pct}) of them approving.</source>
        <translation>A decision needs at least {n} votes cast, with more than {share} ({pct}) of them approving.</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>more than</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>at least</translation>
    </message>
    <message>
        <source>Committee quorum</source>
        <translation>Committee quorum</translation>
    </message>
    <message>
        <source>A committee decision may be recorded only when this many votes have been cast and the approving share is met. The rule applies to every decision recorded from now on, including applications already under review.</source>
        <translation>A committee decision may be recorded only when this many votes have been cast and the approving share is met. The rule applies to every decision recorded from now on, including applications already under review.</translation>
    </message>
    <message>
        <source>Votes needed</source>
        <translation>Votes needed</translation>
    </message>
    <message>
        <source> votes</source>
        <translation> votes</translation>
    </message>
    <message>
        <source>Approving share</source>
        <translation>Approving share</translation>
    </message>
    <message>
        <source>Share of votes</source>
        <translation>Share of votes</translation>
    </message>
    <message>
        <source>a fraction such as 1/2 or 2/3</source>
        <translation>a fraction such as 1/2 or 2/3</translation>
    </message>
    <message>
        <source>Only {count} active reviewers can vote: no application can be decided until more reviewers are added.</source>
        <translation>Only {count} active reviewers can vote: no application can be decided until more reviewers are added.</translation>
    </message>
</context>
<context>
    <name>RateDialog</name>
    <message>
        <source>Add base rate</source>
        <translation>Add base rate</translation>
    </message>
    <message>
        <source>{name} effective {day}</source>
        <translation>{name} effective {day}</translation>
    </message>
    <message>
        <source>= {pct} a year</source>
        <translation>= {pct} a year</translation>
    </message>
    <message>
        <source>Base rate</source>
        <translation>Base rate</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <source>Annual rate (decimal)</source>
        <translation>Annual rate (decimal)</translation>
    </message>
    <message>
        <source>e.g. 0.0300 for 3.00 %</source>
        <translation>e.g. 0.0300 for 3.00 %</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>e.g. PBoC announcement</source>
        <translation>e.g. PBoC announcement</translation>
    </message>
</context>
<context>
    <name>ScheduleChart</name>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Balance ({unit})</source>
        <translation>Balance ({unit})</translation>
    </message>
    <message>
        <source>Per payment ({unit})</source>
        <translation>Per payment ({unit})</translation>
    </message>
</context>
<context>
    <name>SchedulePreview</name>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
</context>
<context>
    <name>ScheduleTab</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Payment date</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>Opening balance</translation>
    </message>
    <message>
        <source>Drawdown</source>
        <translation>Drawdown</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Closing balance</source>
        <translation>Closing balance</translation>
    </message>
    <message>
        <source>Computing the schedule…</source>
        <translation>Computing the schedule…</translation>
    </message>
    <message>
        <source>No schedule: {}</source>
        <translation>No schedule: {}</translation>
    </message>
    <message>
        <source>Borrower (whole facility)</source>
        <translation>Borrower (whole facility)</translation>
    </message>
    <message>
        <source>{n} periods · principal {p} · interest {i} · fees {f} · total {t}</source>
        <translation>{n} periods · principal {p} · interest {i} · fees {f} · total {t}</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Official</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>Projected</translation>
    </message>
    <message>
        <source>Weekends only</source>
        <translation>Weekends only</translation>
    </message>
    <message>
        <source>No State Council notice for {year} yet: the date rests on projected holidays and is re-derived when the notice is loaded</source>
        <translation>No State Council notice for {year} yet: the date rests on projected holidays and is re-derived when the notice is loaded</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Calendar: no business-day calendar</source>
        <translation>Calendar: no business-day calendar</translation>
    </message>
    <message>
        <source>Calendar: official holidays through {through} · version {version}</source>
        <translation>Calendar: official holidays through {through} · version {version}</translation>
    </message>
    <message>
        <source>Calendar: official holidays through {through}; {first}–{last} projected (rule {rule}) · version {version}</source>
        <translation>Calendar: official holidays through {through}; {first}–{last} projected (rule {rule}) · version {version}</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>{what}: {amount} of drawdown {drawdown} to use-of-proceeds line {line}</source>
        <translation>{what}: {amount} of drawdown {drawdown} to use-of-proceeds line {line}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n} items</translation>
    </message>
    <message>
        <source>no visible change</source>
        <translation>no visible change</translation>
    </message>
    <message>
        <source>{n} more</source>
        <translation>{n} more</translation>
    </message>
    <message>
        <source>{what} {reference}: {amount}, {months} months</source>
        <translation>{what} {reference}: {amount}, {months} months</translation>
    </message>
    <message>
        <source>{what}: {cls}</source>
        <translation>{what}: {cls}</translation>
    </message>
    <message>
        <source>(green share {share})</source>
        <translation>(green share {share})</translation>
    </message>
    <message>
        <source>{what}: collateral {value}, eligible {eligible}, coverage {coverage}</source>
        <translation>{what}: collateral {value}, eligible {eligible}, coverage {coverage}</translation>
    </message>
    <message>
        <source>{what}: {cls} — {reason}</source>
        <translation>{what}: {cls} — {reason}</translation>
    </message>
    <message>
        <source>{what}: {type} — {description}</source>
        <translation>{what}: {type} — {description}</translation>
    </message>
    <message>
        <source>{what}: {decision}</source>
        <translation>{what}: {decision}</translation>
    </message>
    <message>
        <source>conditions: {text}</source>
        <translation>conditions: {text}</translation>
    </message>
    <message>
        <source>comment: {text}</source>
        <translation>comment: {text}</translation>
    </message>
    <message>
        <source>{what}: {status} ({cast} votes: {approving} approving, {declining} declining)</source>
        <translation>{what}: {status} ({cast} votes: {approving} approving, {declining} declining)</translation>
    </message>
    <message>
        <source>{what}: {reason}</source>
        <translation>{what}: {reason}</translation>
    </message>
    <message>
        <source>{what}: version {version} as a draft</source>
        <translation>{what}: version {version} as a draft</translation>
    </message>
    <message>
        <source>Condition {n} satisfied: {text} — evidence: {evidence}</source>
        <translation>Condition {n} satisfied: {text} — evidence: {evidence}</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>User {}</source>
        <translation>User {}</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>as shown in the window and the audit trail</source>
        <translation>as shown in the window and the audit trail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>Active (may log in)</source>
        <translation>Active (may log in)</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>User {user} added as {role}.</source>
        <translation>User {user} added as {role}.</translation>
    </message>
    <message>
        <source>User {user} saved.</source>
        <translation>User {user} saved.</translation>
    </message>
    <message>
        <source>The password of {user} was reset.</source>
        <translation>The password of {user} was reset.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Everyone who may log in to this database. Users are never deleted, so the audit trail always names a real account: deactivate an account instead.</source>
        <translation>Everyone who may log in to this database. Users are never deleted, so the audit trail always names a real account: deactivate an account instead.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>locked until {}</source>
        <translation>locked until {}</translation>
    </message>
    <message>
        <source>demo password: must be changed</source>
        <translation>demo password: must be changed</translation>
    </message>
    <message>
        <source>The account {user} is unlocked.</source>
        <translation>The account {user} is unlocked.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Lift the lock that failed log-ins put on this account</source>
        <translation>Lift the lock that failed log-ins put on this account</translation>
    </message>
</context>
<context>
    <name>VoteDialog</name>
    <message>
        <source>Cast vote</source>
        <translation>Cast vote</translation>
    </message>
    <message>
        <source>Cast your vote</source>
        <translation>Cast your vote</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Required when approving with conditions</source>
        <translation>Required when approving with conditions</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
</context>
</TS>
