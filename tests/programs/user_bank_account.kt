# A bank-account simulation: deposits and withdrawals in cents through functions, with a transaction log
fn deposit(balance: i64, amount: i64) -> i64:
    balance + amount
fn withdraw(balance: i64, amount: i64) -> (i64, bool):
    if amount > balance:
        return (balance, false)
    (balance - amount, true)
fn fmt_cents(c: i64) -> String:
    f"${c // 100}.{c % 100:02}"
balance = 0
log = []
ops = [("dep", 10000), ("wd", 2550), ("wd", 9000), ("dep", 1999), ("wd", 5000)]
for kind, amount in ops:
    if kind == "dep":
        balance = deposit(balance, amount)
        log.push(f"+{fmt_cents(amount)}")
    else:
        new_balance, ok = withdraw(balance, amount)
        if ok:
            balance = new_balance
            log.push(f"-{fmt_cents(amount)}")
        else:
            log.push(f"declined {fmt_cents(amount)}")
print("balance:", fmt_cents(balance))
declined = 0
for entry in log:
    print(entry)
    if entry.starts_with("declined"):
        declined += 1
interest = balance * 3 // 100
print("interest:", fmt_cents(interest))
print("operations:", len(ops), "declined:", declined)
